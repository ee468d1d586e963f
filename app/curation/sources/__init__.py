"""Where submissions come from: the campaign contract on a chain, folders and ZIPs, this machine's library."""
