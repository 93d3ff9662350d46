ipvsadm -A -f 30 -s rr -o
ipvsadm -A -u 10.30.0.1:53 -s rr -o
ipvsadm -A -t 10.30.0.1:53 -s rr --ops
