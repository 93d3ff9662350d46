ipvsadm -A -u 10.25.0.1:53 -s rr
ipvsadm -a -u 10.25.0.1:53 -r 10.25.1.1:http -m
