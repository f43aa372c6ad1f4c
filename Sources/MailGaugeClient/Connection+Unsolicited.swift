extension Connection {
    /// Bytes the server sends of its own accord within `window`: nil when it sent nothing
    /// (the connection is then closed, as the read cannot be abandoned), empty when it closed.
    /// For a probe that must tell silence from an answer sooner than the read timeout would.
    public func unsolicitedBytes(within window: Duration) async throws -> [UInt8]? {
        try await withThrowingTaskGroup(of: [UInt8]?.self) { group in
            group.addTask { try await self.read().map { Array($0.readableBytesView) } ?? [] }
            group.addTask {
                try await Task.sleep(for: window)
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            if first == nil { await close() }
            while (try? await group.next()) != nil {}
            return first
        }
    }
}
