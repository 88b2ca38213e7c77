import CrosswalkCore
print(ControlRegistry.all.count)
