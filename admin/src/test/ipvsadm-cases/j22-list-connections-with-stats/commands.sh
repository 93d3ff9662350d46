ipvsadm -A -t 10.22.0.1:80 -s rr
ipvsadm -L -n -c --stats
