ipvsadm -A -u 10.7.0.1:53 -s rr
ipvsadm -Z -u 10.7.0.1:53
ipvsadm -Z
ipvsadm --zero --udp-service 10.7.0.2:53
