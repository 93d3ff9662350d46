ipvsadm -A -f 7 -6 -s mh -b mh-port -p 90 -M 64
ipvsadm -a -f 7 -6 -r '[2001:db8:6::2]:8080' -m -w 3
ipvsadm -a -f 7 -6 -r 2001:db8:6::1 -g
ipvsadm -A -f 7 -s rr
ipvsadm -ln -f 7 -6
