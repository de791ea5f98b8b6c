NAME = "pkg_demo"
