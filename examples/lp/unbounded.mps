* minimise -x - y subject to x - y <= 1, y <= 2 x + 4, x, y >= 0: x = y = t is feasible for every t >= 0
* and its objective -2 t falls without end.
NAME          UNBOUNDED
ROWS
 N  cost
 L  gap
 L  slope
COLUMNS
    x         cost      -1.0       gap        1.0
    x         slope     -2.0
    y         cost      -1.0       gap       -1.0
    y         slope      1.0
RHS
    rhs       gap        1.0       slope      4.0
ENDATA
