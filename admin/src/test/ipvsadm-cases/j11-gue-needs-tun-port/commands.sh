ipvsadm -A -t 10.11.0.1:80 -s rr
ipvsadm -a -t 10.11.0.1:80 -r 10.11.1.1 -i --tun-type gue --tun-csum
