"""Load and fault tests: gunicorn serving Crashboard on loopback under 32 concurrent clients, with a worker
killed and the data edited while it runs (`make soak`; `make test` runs them too). SOAK_SECONDS sets the length
of the load test (default 60)."""
