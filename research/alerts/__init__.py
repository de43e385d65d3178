"""Condition alerts: visitors follow conditions by email and get a digest of new research.

Double opt-in: nothing is stored until the visitor confirms from the link we email, and what
is stored is only the address, its conditions, the confirmation time and the last digest time.
"""
