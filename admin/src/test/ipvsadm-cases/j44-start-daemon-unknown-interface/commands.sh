ipvsadm --start-daemon master --mcast-interface nosuchdev44 --syncid 44
