"""Word tables the quantity finder reads, one module per subject.

Everything here is data: which words make a share, a rank, a currency, a
rate, an idiom. The modules one level up compile these tables into patterns
once, at import; changing what factdesk reads as a figure means editing a
table here, not a regex there.
"""
