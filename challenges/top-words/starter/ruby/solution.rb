# Print the k most frequent words of the text on stdin.
first, text = $stdin.binmode.read.split("\n", 2)
k = Integer(first.to_s.strip, 10)
text = text.to_s

# TODO: count the words of `text` and print the k most frequent, one "word count" per line.
