ipvsadm -A -t 10.43.0.1:80 -s rr
ipvsadm -L --daemon
ipvsadm --stop-daemon backup
