ipvsadm -A -t 10.12.0.1:80 -s rr
ipvsadm -a -t 10.12.0.1:80 -r 10.12.1.1 -i --tun-type gre --tun-port 4000
