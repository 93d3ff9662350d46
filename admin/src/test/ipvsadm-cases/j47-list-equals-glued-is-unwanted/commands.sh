ipvsadm -A -t 10.47.0.1:80 -s rr
ipvsadm -a -t 10.47.0.1:80 -r 10.47.1.1 -m -w=3
ipvsadm -L -n --stats=yes
