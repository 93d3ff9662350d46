ipvsadm -A -t 10.15.0.1:80 -s rr
ipvsadm -a -t 10.15.0.1:80 -r 10.15.1.1 -i --tun-nocsum
