"""Reading input files into validated models, with file:line:column errors."""
