ipvsadm --set 10 20
