ipvsadm --set 3600 0 60
ipvsadm --set 0 30 0
ipvsadm -L --timeout
