using NetworkingBot.Core.CoffeeChats;

namespace NetworkingBot.Testing.StoreContract;

/// <summary>The three store ports of one fresh, empty store, as the contract suite receives them.</summary>
public sealed record StoreSet(IMemberStore Members, ICoffeeScheduleStore Programs, IRoundStore Rounds);
