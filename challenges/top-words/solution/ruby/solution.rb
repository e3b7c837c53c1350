# Print the k most frequent words of the text on stdin.
# Read as binary: only ASCII letters are letters, whatever the bytes around them.
first, text = $stdin.binmode.read.split("\n", 2)
k = Integer(first.to_s.strip, 10)

counts = Hash.new(0)
text.to_s.downcase.scan(/[a-z]+/) { |word| counts[word] += 1 }

# The k smallest by (-count, word), in order: no need to sort every distinct word.
top = counts.min_by(k) { |word, count| [-count, word] }
$stdout.write(top.map { |word, count| "#{word} #{count}\n" }.join)
