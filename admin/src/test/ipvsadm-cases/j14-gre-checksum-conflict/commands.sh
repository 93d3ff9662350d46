ipvsadm -A -t 10.14.0.1:80 -s rr
ipvsadm -a -t 10.14.0.1:80 -r 10.14.1.1 -i --tun-type gre --tun-nocsum --tun-csum
