ipvsadm -A -f 21 -s rr
ipvsadm -A -6 -f 22 -s rr
