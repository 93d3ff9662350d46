ipvsadm -A -u '[2001:db8:42::1]:53' -s rr
ipvsadm -a -u '[2001:db8:42::1]:53' -r '[::1]:53' -m
ipvsadm -a -u '[2001:db8:42::1]:53' -r '[::ffff:10.42.1.1]:53' -m
