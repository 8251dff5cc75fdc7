"""Demo content and the synthetic procedure generator: `load_demo` and `generate_procedures`.

Installed by the development and test settings only; production leaves this app out.
"""
