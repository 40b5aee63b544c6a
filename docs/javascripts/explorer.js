// Figure explorer: a text filter over the table, working without any other host.
