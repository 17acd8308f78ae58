/** Demo: the coordinator and the supporters, with the passwords the README lists. */
import { hashPassword } from '~/auth/password.server';
import { users } from '../schema';
import { DEMO_COORDINATOR, DEMO_SUPPORTER_PASSWORD, SUPPORTERS } from '../seed-data';
import { requireRegion, type DemoSeeder } from './seeder';

const USERS_CREATED_AT = Date.UTC(2019, 5, 3, 7, 0); // 3 Jun 2019, 09:00 in Amsterdam

export const demoPeople: DemoSeeder = {
  name: 'people',
  async prepare() {
    // Hashing is async and slow: once per distinct password, before the (synchronous) transaction.
    const [coordinatorHash, supporterHash] = await Promise.all([
      hashPassword(DEMO_COORDINATOR.password),
      hashPassword(DEMO_SUPPORTER_PASSWORD),
    ]);
    return (tx, ctx) => {
      const coordinator = tx
        .insert(users)
        .values({
          email: DEMO_COORDINATOR.email,
          name: DEMO_COORDINATOR.name,
          passwordHash: coordinatorHash,
          role: 'coordinator',
          language: 'nl',
          createdAt: USERS_CREATED_AT,
          updatedAt: USERS_CREATED_AT,
        })
        .returning({ id: users.id })
        .get();
      ctx.coordinator = { id: coordinator.id, name: DEMO_COORDINATOR.name };
      ctx.users.set(DEMO_COORDINATOR.email, coordinator.id);
      const ids = tx
        .insert(users)
        .values(
          SUPPORTERS.map((s) => ({
            email: s.email,
            name: s.name,
            passwordHash: supporterHash,
            role: 'supporter' as const,
            language: s.language,
            themes: s.themes,
            homeRegionId: requireRegion(ctx, s.homeRegistrationNumber).id,
            active: s.active,
            createdAt: USERS_CREATED_AT,
            updatedAt: USERS_CREATED_AT,
          })),
        )
        .returning({ id: users.id })
        .all();
      SUPPORTERS.forEach((s, i) => ctx.users.set(s.email, ids[i]!.id));
      return { coordinators: 1, supporters: ids.length };
    };
  },
};
