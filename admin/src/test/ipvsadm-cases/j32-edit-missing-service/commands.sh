ipvsadm -A -t 10.32.0.1:80 -s rr
ipvsadm -E -t 10.32.0.1:81 -s wrr
