* x + y <= 1 and x + y >= 3 with x, y >= 0: no point satisfies both.
NAME          INFEASIBLE
ROWS
 N  cost
 L  atMostOne
 G  atLeastThree
COLUMNS
    x         cost      1.0        atMostOne  1.0
    x         atLeastThree  1.0
    y         cost      2.0        atMostOne  1.0
    y         atLeastThree  1.0
RHS
    rhs       atMostOne  1.0       atLeastThree  3.0
ENDATA
