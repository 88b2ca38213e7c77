extension Identity {
    /// The identity reduced to what the evaluate stage keeps of every identity once its record
    /// has been judged by the ``ControlReach/identity`` controls: what ``ControlReach/inventory``
    /// controls, the `ai-agents` scope and the reports read about an identity and its peers — id,
    /// name, kind, platform, environment, owner, trust zone, status, `spawned_by`, role bindings,
    /// and the credentials that are shared (`shared_with`) or used elsewhere (`used_in`). Tags,
    /// tools, dates and the other credentials are dropped, so a million identities fit in memory.
    public var peerRecord: Identity {
        var peer = Identity(
            id: id,
            name: name,
            kind: kind,
            platform: platform,
            environment: environment,
            owner: owner,
            trustZone: trustZone,
            status: status,
            spawnedBy: spawnedBy,
            roleBindings: roleBindings,
            credentials: credentials.filter { !$0.sharedWith.isEmpty || !$0.usedIn.isEmpty }
        )
        peer.ordinal = ordinal
        return peer
    }
}
