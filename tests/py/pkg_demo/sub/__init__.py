value = 99
