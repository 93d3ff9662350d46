ipvsadm -A -t 10.33.0.1:80 -s rr
ipvsadm -a -t 10.33.0.1:80 -r 10.33.1.1:8080 -m
ipvsadm -d -t 10.33.0.1:80 -r 10.33.1.1
