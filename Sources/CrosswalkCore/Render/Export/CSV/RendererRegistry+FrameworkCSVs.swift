extension RendererRegistry {
    /// This registry with one ``FrameworkCSVRenderer`` per catalog, in the order given (a run's
    /// `report.frameworks`).
    public func addingFrameworkCSVs(catalogIDs: [String]) -> RendererRegistry {
        catalogIDs.reduce(self) { $0.adding(FrameworkCSVRenderer(catalogID: $1)) }
    }
}
