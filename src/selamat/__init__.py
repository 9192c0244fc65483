"""Selamat: content model, checks and build logic for a bilingual survivor-support site."""
