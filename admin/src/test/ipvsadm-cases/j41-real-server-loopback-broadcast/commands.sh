ipvsadm -A -t 10.41.0.1:80 -s rr
ipvsadm -a -t 10.41.0.1:80 -r 127.0.0.1 -m
ipvsadm -a -t 10.41.0.1:80 -r 127.255.255.255 -m
