ipvsadm -A -t 10.13.0.1:80 -s rr
ipvsadm -a -t 10.13.0.1:80 -r 10.13.1.1 -m --tun-type gue --tun-port 4000
