# Print the deployment order of services (smallest name first among the ready ones), or CYCLE.
require "set"

# A binary min-heap of integers (the ranks of the services that are ready).
class MinHeap
  def initialize
    @items = []
  end

  def empty?
    @items.empty?
  end

  def push(value)
    i = @items.size
    @items << value
    while i > 0
      parent = (i - 1) / 2
      break if @items[parent] <= value
      @items[i] = @items[parent]
      i = parent
    end
    @items[i] = value
  end

  def pop
    top = @items[0]
    last = @items.pop
    unless @items.empty?
      i = 0
      size = @items.size
      loop do
        child = 2 * i + 1
        break if child >= size
        child += 1 if child + 1 < size && @items[child + 1] < @items[child]
        break if @items[child] >= last
        @items[i] = @items[child]
        i = child
      end
      @items[i] = last
    end
    top
  end
end

# Each service's dependencies: the union of all its lines.
dependencies = Hash.new { |hash, name| hash[name] = Set.new }
$stdin.each_line do |line|
  next if line.strip.empty?
  name, rest = line.split(":", 2)
  dependencies[name.strip].merge(rest.to_s.split)
end

# Services by rank in byte order (Ruby compares strings byte by byte).
names = dependencies.keys.sort
rank = names.each_with_index.to_h
waiting = Array.new(names.size, 0)
dependents = Array.new(names.size) { [] }
names.each_with_index do |name, i|
  dependencies[name].each do |need|
    j = rank[need]
    next if j.nil? # an external service, already running
    waiting[i] += 1
    dependents[j] << i
  end
end

ready = MinHeap.new
waiting.each_with_index { |count, i| ready.push(i) if count.zero? }
order = []
until ready.empty?
  i = ready.pop
  order << names[i]
  dependents[i].each do |dependent|
    waiting[dependent] -= 1
    ready.push(dependent) if waiting[dependent].zero?
  end
end

if order.size < names.size
  puts "CYCLE"
else
  $stdout.write(order.map { |name| "#{name}\n" }.join)
end
