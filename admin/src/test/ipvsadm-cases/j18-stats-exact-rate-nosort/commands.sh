ipvsadm -A --sctp-service 10.18.0.1:3868 -s rr
ipvsadm -a --sctp-service 10.18.0.1:3868 -r 10.18.1.1 -m
ipvsadm -A -u '[2001:db8:18::1]:53' -s rr
ipvsadm -a -u '[2001:db8:18::1]:53' -r '[2001:db8:18:ffff:ffff:ffff:ffff:ffff]:53' -m
ipvsadm -L -n --rate --exact --nosort -u '[2001:db8:18::1]:53'
