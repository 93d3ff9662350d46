ipvsadm -A -t 10.1.0.1:80
ipvsadm --version
