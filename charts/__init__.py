"""The charts, one module per chart, each behind the contract in charts/contract.py; the registry lists them in
page order."""
