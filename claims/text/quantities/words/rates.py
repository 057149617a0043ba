"""Rates: the period or denominator after an amount, kept in its unit.

"$20 million a week" is USD/week, "3 milliards de tonnes chaque année"
t/year, "0,5 mg par litre" mg/l, "500 dollars par habitant" USD/capita.
`claims.text.quantities.rates` reads these tables.
"""

from __future__ import annotations
