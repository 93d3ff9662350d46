ipvsadm --set 7200 60 0
ipvsadm -L --timeout -n --sort
