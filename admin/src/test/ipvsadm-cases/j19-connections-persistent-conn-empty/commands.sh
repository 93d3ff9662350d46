ipvsadm -A -t 10.19.0.1:80 -s rr -p
ipvsadm -L -c --persistent-conn
