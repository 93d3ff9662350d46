ipvsadm -A -t 10.10.0.1:443 -s rr
ipvsadm -a -t 10.10.0.1:443 -r 10.10.1.1 -m
ipvsadm -a -t 10.10.0.1:443 -r 10.10.1.2 -i --tun-type gue --tun-port 6080 --tun-remcsum
ipvsadm -a -t 10.10.0.1:443 -r 10.10.1.3 -i --tun-type gue --tun-port 6081
ipvsadm -e -t 10.10.0.1:443 -r 10.10.1.1 -i --tun-type gre --tun-csum -w 2
ipvsadm -a -t 10.10.0.1:443 -r 2001:db8:10::1 -i --tun-type gre
ipvsadm -L -n --tun-info
