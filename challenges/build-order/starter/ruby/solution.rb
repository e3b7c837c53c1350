# Print the deployment order of services (smallest name first among the ready ones), or CYCLE.
$stdin.each_line do |line|
  next if line.strip.empty?
  name, rest = line.split(":", 2)
  name = name.strip
  needs = rest.to_s.split
  # TODO: collect each service's dependencies, then print a valid order (or CYCLE).
end
