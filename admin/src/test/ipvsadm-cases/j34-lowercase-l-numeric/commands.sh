ipvsadm -A -u 10.34.0.1:53 -s rr
ipvsadm -a -u 10.34.0.1:53 -r 10.34.1.1 -m
ipvsadm -ln
