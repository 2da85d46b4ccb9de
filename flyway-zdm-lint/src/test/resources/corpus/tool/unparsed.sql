FROBNICATE orders WITH FORCE; -- expect: unparsed-statement
SELECT FROM FROM WHERE; -- expect: unparsed-statement
