"""The newsroom's admin: the site editors work in, branded with the paper's name."""
