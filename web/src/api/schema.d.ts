// Generated from docs/openapi.json by `npm run web-api-types` (openapi-typescript): do not edit.

export interface paths {
    "/api/v1/admin/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Background jobs, newest first (admin)
         * @description Jobs waiting (`ready`), running, or `dead` after their last attempt or a permanent failure. Done jobs are deleted, so the list is the work still to do and the failures to look at.
         */
        get: {
            parameters: {
                query?: {
                    /** @description `ready`: waits for `runAt`; `running`: claimed by a worker until `lockedUntil`; `dead`: failed for good, kept until retried or discarded */
                    state?: "ready" | "running" | "dead";
                    queue?: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                queue: string;
                                /** @description `ready`: waits for `runAt`; `running`: claimed by a worker until `lockedUntil`; `dead`: failed for good, kept until retried or discarded */
                                state: "ready" | "running" | "dead";
                                /** @description What the job was given */
                                payload: {
                                    [key: string]: unknown;
                                };
                                /** @description At most one live job per queue and key */
                                key: string | null;
                                /** @description Runs so far, the current one included */
                                attempts: number;
                                maxAttempts: number;
                                /** Format: date-time */
                                runAt: string;
                                lockedUntil: string | null;
                                /** @description The last failure (first 1000 characters) */
                                lastError: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                deadAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/jobs/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Jobs per queue: ready, due, running, dead, oldest due wait (admin) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            queues: {
                                queue: string;
                                /** @description Waiting, due or not */
                                ready: number;
                                /** @description Due and not claimed yet */
                                due: number;
                                running: number;
                                dead: number;
                                /** @description How long the oldest due job has waited (0: none due) */
                                oldestDueSeconds: number;
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/jobs/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run every dead job of a queue again: ready now, attempts reset (admin)
         * @description For when the cause of many failures is gone (a provider or mail server back after an outage). Answers how many jobs were dead and are now ready; 0 when none was.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        queue: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            queue: string;
                            /** @description Dead jobs of the queue made ready now (0: none was dead) */
                            retried: number;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/jobs/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run a dead job again: ready now, attempts reset (admin) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            queue: string;
                            /** @description `ready`: waits for `runAt`; `running`: claimed by a worker until `lockedUntil`; `dead`: failed for good, kept until retried or discarded */
                            state: "ready" | "running" | "dead";
                            /** @description What the job was given */
                            payload: {
                                [key: string]: unknown;
                            };
                            /** @description At most one live job per queue and key */
                            key: string | null;
                            /** @description Runs so far, the current one included */
                            attempts: number;
                            maxAttempts: number;
                            /** Format: date-time */
                            runAt: string;
                            lockedUntil: string | null;
                            /** @description The last failure (first 1000 characters) */
                            lastError: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            deadAt: string | null;
                        };
                    };
                };
                /** @description `job_not_found`: no such job (done jobs are deleted). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `job_not_dead`: only a dead job can be retried or discarded; `state` says what it is. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Discard a dead job (admin) */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Discarded */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `job_not_found`: no such job (done jobs are deleted). */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `job_not_dead`: only a dead job can be retried or discarded; `state` says what it is. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a customer account */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Compared case-insensitively; stored trimmed and in lower case */
                        email: string;
                        /** @description At least 10 characters and not a commonly used password */
                        password: string;
                        name: string;
                        /**
                         * @description The account's language; without it, the best match of Accept-Language, else 'en'
                         * @enum {unknown}
                         */
                        language?: "en" | "de" | "fr";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                /** Format: uuid */
                                id: string;
                                email: string | null;
                                name: string;
                                phone: string | null;
                                role: "customer" | "staff" | "admin";
                                emailVerified: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                /**
                                 * @description The language of your emails, PDFs and receipts (issue 20)
                                 * @enum {unknown}
                                 */
                                language: "en" | "de" | "fr";
                            };
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in: a session token, also set as the `session` cookie
         * @description Also sets the HttpOnly `device` cookie (path /api/v1/auth/login, 180 days from the last sign-in): a browser that has signed in to an account before is its own source for the wrong-password throttle, so wrong passwords from elsewhere never slow it. Per account and source (that browser, else the client address, an IPv6 one by its /64), 3 wrong passwords pass; then each try waits 5 s, doubling, and the 10th closes the source out until the 15-minute window ends.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            token: string;
                            /** Format: date-time */
                            expiresAt: string;
                            user: {
                                /** Format: uuid */
                                id: string;
                                email: string | null;
                                name: string;
                                phone: string | null;
                                role: "customer" | "staff" | "admin";
                                emailVerified: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                /**
                                 * @description The language of your emails, PDFs and receipts (issue 20)
                                 * @enum {unknown}
                                 */
                                language: "en" | "de" | "fr";
                            };
                            /**
                             * @description Issue 19: an admin requires a second factor for staff and admin and this account has none: the session may only set one up (GET /api/v1/me/2fa, POST /api/v1/me/2fa/totp…, passkeys); other routes answer 403 second_factor_enrolment_required
                             * @enum {boolean}
                             */
                            secondFactorEnrolmentRequired?: true;
                        };
                    };
                };
                /** @description `invalid_credentials`; or (issue 19) `second_factor_required`: the password is right and the account has a second factor: no session yet. The problem carries `challenge` (send it to POST /api/v1/auth/login/second-factor within 5 minutes), `methods` (`totp`, `passkey`, `recovery_code`), `expiresAt` and, with passkeys, `passkey` (PublicKeyCredentialRequestOptionsJSON). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `rate_limited`: this source must wait after wrong passwords for the account (even the right password is refused until Retry-After), or the client address sent more than RATE_LIMIT_PER_MINUTE sign-ins this minute. */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login/second-factor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Finish a sign-in that answered second_factor_required (issue 19)
         * @description With the challenge from that answer and exactly one of `code` (TOTP, one step early or late accepted, each code once), `recoveryCode` (each once) or `passkey` (an assertion over the answer's `passkey` options). The same session and cookies as POST /api/v1/auth/login. Wrong ones are throttled per account and source like wrong passwords (3 pass, then 5 s doubling, 10 in 15 minutes).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            /** @description The challenge and exactly one of code, recoveryCode and passkey */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description From the second_factor_required answer */
                        challenge: string;
                        /** @description The 6-digit code your authenticator app shows */
                        code?: string;
                        /** @description One of your recovery codes (xxxxx-xxxxx; case, spaces and dashes do not matter) */
                        recoveryCode?: string;
                        /** @description AuthenticationResponseJSON from navigator.credentials.get() */
                        passkey?: {
                            id: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            token: string;
                            /** Format: date-time */
                            expiresAt: string;
                            user: {
                                /** Format: uuid */
                                id: string;
                                email: string | null;
                                name: string;
                                phone: string | null;
                                role: "customer" | "staff" | "admin";
                                emailVerified: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                /**
                                 * @description The language of your emails, PDFs and receipts (issue 20)
                                 * @enum {unknown}
                                 */
                                language: "en" | "de" | "fr";
                            };
                            /**
                             * @description Issue 19: an admin requires a second factor for staff and admin and this account has none: the session may only set one up (GET /api/v1/me/2fa, POST /api/v1/me/2fa/totp…, passkeys); other routes answer 403 second_factor_enrolment_required
                             * @enum {boolean}
                             */
                            secondFactorEnrolmentRequired?: true;
                        };
                    };
                };
                /** @description `invalid_second_factor`: the code, recovery code or passkey was not accepted (the challenge stays for another try); `challenge_expired`: sign in again (5 minutes, or already finished). */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `rate_limited`: too many wrong second factors from here; wait Retry-After. */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the current session */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Own live sessions */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                lastSeenAt: string;
                                /** Format: date-time */
                                expiresAt: string;
                                userAgent: string | null;
                                ip: string | null;
                                current: boolean;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End one of your sessions */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/verify-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm an email address with the mailed token */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/verify-email/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mail a new verification link (202; nothing is sent when already verified) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mail a password reset link (202 whether or not the account exists) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                    };
                };
            };
            responses: {
                /** @description Accepted, whether or not the account exists; also past the 3 reset mails an hour one account gets, however many requests and addresses ask (then nothing is sent) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with the mailed token; every session ends */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token: string;
                        /** @description At least 10 characters and not a commonly used password */
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who is signed in, if anyone
         * @description Always 200: `{ "user": null }` without a valid session (a stale cookie included), so a page can ask without a 401 the browser logs as an error. A bearer token that is not valid is still 401.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                /** Format: uuid */
                                id: string;
                                email: string | null;
                                name: string;
                                phone: string | null;
                                role: "customer" | "staff" | "admin";
                                emailVerified: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                /**
                                 * @description The language of your emails, PDFs and receipts (issue 20)
                                 * @enum {unknown}
                                 */
                                language: "en" | "de" | "fr";
                            } | null;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your profile */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            email: string | null;
                            name: string;
                            phone: string | null;
                            role: "customer" | "staff" | "admin";
                            emailVerified: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            /**
                             * @description The language of your emails, PDFs and receipts (issue 20)
                             * @enum {unknown}
                             */
                            language: "en" | "de" | "fr";
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete your account: personal data erased, paid bookings kept anonymised
         * @description The password is checked under the wrong-password throttle (per session): 403 wrong_password, then 429 rate_limited with Retry-After. 409 last_admin: the only admin cannot erase the account.
         */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Erased; the session cookie is cleared */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `last_admin`: this is the only admin account; make another user admin first. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change your name, phone or language
         * @description `language` ('en', 'de', 'fr') is what your emails, PDFs and receipts speak; another is 422.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        phone?: string | null;
                        /**
                         * @description A language the server speaks: 'en', 'de' or 'fr'
                         * @enum {unknown}
                         */
                        language?: "en" | "de" | "fr";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            email: string | null;
                            name: string;
                            phone: string | null;
                            role: "customer" | "staff" | "admin";
                            emailVerified: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            /**
                             * @description The language of your emails, PDFs and receipts (issue 20)
                             * @enum {unknown}
                             */
                            language: "en" | "de" | "fr";
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change your password; your other sessions end
         * @description The current password is checked under the wrong-password throttle (per session): 403 wrong_password, then 429 rate_limited with Retry-After.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        /** @description At least 10 characters and not a commonly used password */
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find users (admin) */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    role?: "customer" | "staff" | "admin";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                email: string | null;
                                name: string;
                                phone: string | null;
                                role: "customer" | "staff" | "admin";
                                emailVerified: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                /**
                                 * @description The language of your emails, PDFs and receipts (issue 20)
                                 * @enum {unknown}
                                 */
                                language: "en" | "de" | "fr";
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a user's role (admin)
         * @description 409 last_admin: the only admin cannot be made staff or customer (two admins demoting each other at once leave one).
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        role: "customer" | "staff" | "admin";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            email: string | null;
                            name: string;
                            phone: string | null;
                            role: "customer" | "staff" | "admin";
                            emailVerified: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            /**
                             * @description The language of your emails, PDFs and receipts (issue 20)
                             * @enum {unknown}
                             */
                            language: "en" | "de" | "fr";
                        };
                    };
                };
                /** @description `last_admin`: this is the only admin account; make another user admin first. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/me/2fa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your second factors (issue 19) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description `pending`: a secret was made but not confirmed with a code yet (it does not count) */
                            totp: "off" | "pending" | "enabled";
                            /** @description Unused recovery codes */
                            recoveryCodesLeft: number;
                            /** @description Passkeys registered (staff and admin only) */
                            passkeys: number;
                            /** @description An admin requires staff and admin accounts to have a second factor */
                            required: boolean;
                            /** @description This session may only set up a second factor (then every route opens to it) */
                            enrolmentOnly: boolean;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/2fa/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start setting up an authenticator app: a new secret, its otpauth URI and QR code
         * @description It counts only once confirmed with a code (POST /api/v1/me/2fa/totp/confirm); asking again replaces an unconfirmed secret. 409 totp_enabled when one is confirmed already.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Base32, for typing into an app that cannot scan */
                            secret: string;
                            /** @description otpauth://totp/… URI */
                            uri: string;
                            /** @description The URI as a QR code: a data: URL of a PNG image */
                            qrCode: string;
                        };
                    };
                };
                /** @description `totp_enabled`: turn the app off first. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Turn the authenticator app off (password or a current code)
         * @description With no second factor left the recovery codes are deleted too.
         */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            /** @description Your password, or a current code from your authenticator app */
            requestBody: {
                content: {
                    "application/json": {
                        password?: string;
                        /** @description The 6-digit code your authenticator app shows */
                        code?: string;
                    };
                };
            };
            responses: {
                /** @description Turned off */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description `wrong_password`: neither the password nor a current code was right (the password under the wrong-password throttle: then 429). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/2fa/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm the authenticator app with a code; answers the recovery codes, once
         * @description `recoveryCodes` is there when the account had none (its first second factor). An enrolment-only session becomes a full one. 422 invalid_code: wrong or used already.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The 6-digit code your authenticator app shows */
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Ten recovery codes, shown this once: each signs in once in place of a code */
                            recoveryCodes?: string[];
                        };
                    };
                };
                /** @description `invalid_code`: the code is wrong or was used already. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/2fa/recovery-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** New recovery codes (password or a current code); the old ones stop working */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            /** @description Your password, or a current code from your authenticator app */
            requestBody: {
                content: {
                    "application/json": {
                        password?: string;
                        /** @description The 6-digit code your authenticator app shows */
                        code?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Ten recovery codes, shown this once: each signs in once in place of a code */
                            recoveryCodes: string[];
                        };
                    };
                };
                /** @description `wrong_password`: neither the password nor a current code was right (the password under the wrong-password throttle: then 429). */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/passkeys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your passkeys (staff and admin) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                /** Format: date-time */
                                createdAt: string;
                                lastUsedAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Finish registering a passkey with the browser’s answer
         * @description `recoveryCodes` is there when the account had none. 422 passkey_rejected: the answer does not verify, the ceremony expired (5 minutes) or was used, or the passkey is registered already.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ceremony: string;
                        /** @description RegistrationResponseJSON from the browser */
                        response: {
                            id: string;
                        } & {
                            [key: string]: unknown;
                        };
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            passkey: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                /** Format: date-time */
                                createdAt: string;
                                lastUsedAt: string | null;
                            };
                            /** @description Ten recovery codes, shown this once: each signs in once in place of a code */
                            recoveryCodes?: string[];
                        };
                    };
                };
                /** @description `passkey_rejected` (or `validation_failed`). */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/passkeys/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start registering a passkey: options for navigator.credentials.create()
         * @description The relying party is PUBLIC_URL: its host name is the RP ID, its origin the only one accepted.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Send back with the answer; valid 5 minutes, once */
                            ceremony: string;
                            /** @description PublicKeyCredentialCreationOptionsJSON for navigator.credentials.create() */
                            options: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/passkeys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a passkey
         * @description With no second factor left the recovery codes are deleted too.
         */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename a passkey */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: date-time */
                            createdAt: string;
                            lastUsedAt: string | null;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/admin/security": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Security settings (admin) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Staff and admin accounts must have a second factor: one without signs in only to set one up (every other route answers 403 second_factor_enrolment_required) */
                            requireSecondFactorForStaff: boolean;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Change the security settings (admin)
         * @description Turning the requirement on ends no session: it applies from each staff or admin sign-in on. Admins should set up their own second factor first.
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Staff and admin accounts must have a second factor: one without signs in only to set one up (every other route answers 403 second_factor_enrolment_required) */
                        requireSecondFactorForStaff: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Staff and admin accounts must have a second factor: one without signs in only to set one up (every other route answers 403 second_factor_enrolment_required) */
                            requireSecondFactorForStaff: boolean;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dev/mailbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recent messages of the dev mailbox (only when no SMTP server is configured) */
        get: {
            parameters: {
                query?: {
                    to?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                to: string;
                                subject: string;
                                /** Format: date-time */
                                sentAt: string;
                                links: string[];
                                text: string;
                                attachments: {
                                    filename: string;
                                    contentType: string;
                                    cid?: string;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/movies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Movies: search, filters, now showing / coming soon */
        get: {
            parameters: {
                query?: {
                    /** @description Title, cast or director; case, accents and small typos ignored */
                    q?: string;
                    genre?: string;
                    /** @description now_showing: a showtime within the next 7 days at the chosen place (cinemaId and/or city; anywhere without one), previews too; coming_soon: released later or first shown there after those 7 days. A movie is in one of them at most */
                    status?: "now_showing" | "coming_soon";
                    cinemaId?: string;
                    city?: string;
                    limit?: number;
                    cursor?: string;
                    /** @description The language of `localized`; without it, the best match of Accept-Language, else 'en' */
                    lang?: "en" | "de" | "fr";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                                originalTitle: string | null;
                                synopsis: string;
                                durationMinutes: number;
                                ageRating: string | null;
                                genres: string[];
                                language: string | null;
                                countries: string[];
                                releaseDate: string | null;
                                posterUrl: string | null;
                                backdropUrl: string | null;
                                poster: {
                                    width: number;
                                    height: number;
                                    variants: {
                                        width: number;
                                        /** @enum {unknown} */
                                        format: "webp" | "jpeg";
                                        url: string;
                                    }[];
                                } | null;
                                backdrop: {
                                    width: number;
                                    height: number;
                                    variants: {
                                        width: number;
                                        /** @enum {unknown} */
                                        format: "webp" | "jpeg";
                                        url: string;
                                    }[];
                                } | null;
                                cast: string[];
                                director: string | null;
                                people: {
                                    /** Format: uuid */
                                    personId: string;
                                    name: string;
                                    role: string;
                                }[];
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                /** @description The title, synopsis and genres per language (en, de, fr), beside the original in `title`, `synopsis` and `genres`; what a language leaves out falls back to the original. A write replaces them all */
                                translations: {
                                    en?: {
                                        title?: string;
                                        synopsis?: string;
                                        genres?: string[];
                                    };
                                    de?: {
                                        title?: string;
                                        synopsis?: string;
                                        genres?: string[];
                                    };
                                    fr?: {
                                        title?: string;
                                        synopsis?: string;
                                        genres?: string[];
                                    };
                                };
                                /** @description The title, synopsis and genres in the reader's language (`?lang=`, else Accept-Language): its translation where given, else the original */
                                localized: {
                                    /**
                                     * @description The language these texts are for
                                     * @enum {unknown}
                                     */
                                    language: "en" | "de" | "fr";
                                    title: string;
                                    synopsis: string;
                                    genres: string[];
                                };
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description `rate_limited`: this client address already has SEARCH_MAX_PER_CLIENT searches running or waiting on this server. */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `server_busy`: a search found the line for this server's search slots (SEARCH_MAX_CONCURRENT) full, or waited in it SEARCH_MAX_WAIT_MS (2 s by default). Like every route, also `service_unavailable` while the database is not answering. */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        durationMinutes: number;
                        originalTitle?: string | null;
                        synopsis?: string;
                        ageRating?: string | null;
                        genres?: string[];
                        language?: string | null;
                        countries?: string[];
                        releaseDate?: string | null;
                        cast?: string[];
                        director?: string | null;
                        /** @description Links to people records, in billing order */
                        people?: {
                            /** Format: uuid */
                            personId: string;
                            /** @enum {unknown} */
                            role: "actor" | "director" | "writer" | "producer" | "composer";
                        }[];
                        /** @description The title, synopsis and genres per language (en, de, fr), beside the original in `title`, `synopsis` and `genres`; what a language leaves out falls back to the original. A write replaces them all */
                        translations?: {
                            en?: {
                                title?: string;
                                synopsis?: string;
                                genres?: string[];
                            };
                            de?: {
                                title?: string;
                                synopsis?: string;
                                genres?: string[];
                            };
                            fr?: {
                                title?: string;
                                synopsis?: string;
                                genres?: string[];
                            };
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            title: string;
                            originalTitle: string | null;
                            synopsis: string;
                            durationMinutes: number;
                            ageRating: string | null;
                            genres: string[];
                            language: string | null;
                            countries: string[];
                            releaseDate: string | null;
                            posterUrl: string | null;
                            backdropUrl: string | null;
                            poster: {
                                width: number;
                                height: number;
                                variants: {
                                    width: number;
                                    /** @enum {unknown} */
                                    format: "webp" | "jpeg";
                                    url: string;
                                }[];
                            } | null;
                            backdrop: {
                                width: number;
                                height: number;
                                variants: {
                                    width: number;
                                    /** @enum {unknown} */
                                    format: "webp" | "jpeg";
                                    url: string;
                                }[];
                            } | null;
                            cast: string[];
                            director: string | null;
                            people: {
                                /** Format: uuid */
                                personId: string;
                                name: string;
                                role: string;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description The title, synopsis and genres per language (en, de, fr), beside the original in `title`, `synopsis` and `genres`; what a language leaves out falls back to the original. A write replaces them all */
                            translations: {
                                en?: {
                                    title?: string;
                                    synopsis?: string;
                                    genres?: string[];
                                };
                                de?: {
                                    title?: string;
                                    synopsis?: string;
                                    genres?: string[];
                                };
                                fr?: {
                                    title?: string;
                                    synopsis?: string;
                                    genres?: string[];
                                };
                            };
                            /** @description The title, synopsis and genres in the reader's language (`?lang=`, else Accept-Language): its translation where given, else the original */
                            localized: {
                                /**
                                 * @description The language these texts are for
                                 * @enum {unknown}
                                 */
                                language: "en" | "de" | "fr";
                                title: string;
                                synopsis: string;
                                genres: string[];
                            };
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/movies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    /** @description The language of `localized`; without it, the best match of Accept-Language, else 'en' */
                    lang?: "en" | "de" | "fr";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            title: string;
                            originalTitle: string | null;
                            synopsis: string;
                            durationMinutes: number;
                            ageRating: string | null;
                            genres: string[];
                            language: string | null;
                            countries: string[];
                            releaseDate: string | null;
                            posterUrl: string | null;
                            backdropUrl: string | null;
                            poster: {
                                width: number;
                                height: number;
                                variants: {
                                    width: number;
                                    /** @enum {unknown} */
                                    format: "webp" | "jpeg";
                                    url: string;
                                }[];
                            } | null;
                            backdrop: {
                                width: number;
                                height: number;
                                variants: {
                                    width: number;
                                    /** @enum {unknown} */
                                    format: "webp" | "jpeg";
                                    url: string;
                                }[];
                            } | null;
                            cast: string[];
                            director: string | null;
                            people: {
                                /** Format: uuid */
                                personId: string;
                                name: string;
                                role: string;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description The title, synopsis and genres per language (en, de, fr), beside the original in `title`, `synopsis` and `genres`; what a language leaves out falls back to the original. A write replaces them all */
                            translations: {
                                en?: {
                                    title?: string;
                                    synopsis?: string;
                                    genres?: string[];
                                };
                                de?: {
                                    title?: string;
                                    synopsis?: string;
                                    genres?: string[];
                                };
                                fr?: {
                                    title?: string;
                                    synopsis?: string;
                                    genres?: string[];
                                };
                            };
                            /** @description The title, synopsis and genres in the reader's language (`?lang=`, else Accept-Language): its translation where given, else the original */
                            localized: {
                                /**
                                 * @description The language these texts are for
                                 * @enum {unknown}
                                 */
                                language: "en" | "de" | "fr";
                                title: string;
                                synopsis: string;
                                genres: string[];
                            };
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string;
                        durationMinutes?: number;
                        originalTitle?: string | null;
                        synopsis?: string;
                        ageRating?: string | null;
                        genres?: string[];
                        language?: string | null;
                        countries?: string[];
                        releaseDate?: string | null;
                        cast?: string[];
                        director?: string | null;
                        /** @description Links to people records, in billing order */
                        people?: {
                            /** Format: uuid */
                            personId: string;
                            /** @enum {unknown} */
                            role: "actor" | "director" | "writer" | "producer" | "composer";
                        }[];
                        /** @description The title, synopsis and genres per language (en, de, fr), beside the original in `title`, `synopsis` and `genres`; what a language leaves out falls back to the original. A write replaces them all */
                        translations?: {
                            en?: {
                                title?: string;
                                synopsis?: string;
                                genres?: string[];
                            };
                            de?: {
                                title?: string;
                                synopsis?: string;
                                genres?: string[];
                            };
                            fr?: {
                                title?: string;
                                synopsis?: string;
                                genres?: string[];
                            };
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            title: string;
                            originalTitle: string | null;
                            synopsis: string;
                            durationMinutes: number;
                            ageRating: string | null;
                            genres: string[];
                            language: string | null;
                            countries: string[];
                            releaseDate: string | null;
                            posterUrl: string | null;
                            backdropUrl: string | null;
                            poster: {
                                width: number;
                                height: number;
                                variants: {
                                    width: number;
                                    /** @enum {unknown} */
                                    format: "webp" | "jpeg";
                                    url: string;
                                }[];
                            } | null;
                            backdrop: {
                                width: number;
                                height: number;
                                variants: {
                                    width: number;
                                    /** @enum {unknown} */
                                    format: "webp" | "jpeg";
                                    url: string;
                                }[];
                            } | null;
                            cast: string[];
                            director: string | null;
                            people: {
                                /** Format: uuid */
                                personId: string;
                                name: string;
                                role: string;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description The title, synopsis and genres per language (en, de, fr), beside the original in `title`, `synopsis` and `genres`; what a language leaves out falls back to the original. A write replaces them all */
                            translations: {
                                en?: {
                                    title?: string;
                                    synopsis?: string;
                                    genres?: string[];
                                };
                                de?: {
                                    title?: string;
                                    synopsis?: string;
                                    genres?: string[];
                                };
                                fr?: {
                                    title?: string;
                                    synopsis?: string;
                                    genres?: string[];
                                };
                            };
                            /** @description The title, synopsis and genres in the reader's language (`?lang=`, else Accept-Language): its translation where given, else the original */
                            localized: {
                                /**
                                 * @description The language these texts are for
                                 * @enum {unknown}
                                 */
                                language: "en" | "de" | "fr";
                                title: string;
                                synopsis: string;
                                genres: string[];
                            };
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    q?: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                photoUrl: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description `rate_limited`: this client address already has SEARCH_MAX_PER_CLIENT searches running or waiting on this server. */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `server_busy`: a search found the line for this server's search slots (SEARCH_MAX_CONCURRENT) full, or waited in it SEARCH_MAX_WAIT_MS (2 s by default). Like every route, also `service_unavailable` while the database is not answering. */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        bio?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            photoUrl: string | null;
                            photo: {
                                width: number;
                                height: number;
                                variants: {
                                    width: number;
                                    /** @enum {unknown} */
                                    format: "webp" | "jpeg";
                                    url: string;
                                }[];
                            } | null;
                            bio: string;
                            movies: {
                                /** Format: uuid */
                                movieId: string;
                                title: string;
                                role: string;
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            photoUrl: string | null;
                            photo: {
                                width: number;
                                height: number;
                                variants: {
                                    width: number;
                                    /** @enum {unknown} */
                                    format: "webp" | "jpeg";
                                    url: string;
                                }[];
                            } | null;
                            bio: string;
                            movies: {
                                /** Format: uuid */
                                movieId: string;
                                title: string;
                                role: string;
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        bio?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            photoUrl: string | null;
                            photo: {
                                width: number;
                                height: number;
                                variants: {
                                    width: number;
                                    /** @enum {unknown} */
                                    format: "webp" | "jpeg";
                                    url: string;
                                }[];
                            } | null;
                            bio: string;
                            movies: {
                                /** Format: uuid */
                                movieId: string;
                                title: string;
                                role: string;
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/cities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cities that have cinemas */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            city: string;
                            cinemaCount: number;
                        }[];
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cinemas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: {
                    city?: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                city: string;
                                address: string;
                                timezone: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        city: string;
                        address?: string;
                        /** @description IANA time zone, e.g. Europe/Berlin */
                        timezone: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            city: string;
                            address: string;
                            timezone: string;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cinemas/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            city: string;
                            address: string;
                            timezone: string;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        city?: string;
                        address?: string;
                        /** @description IANA time zone, e.g. Europe/Berlin */
                        timezone?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            city: string;
                            address: string;
                            timezone: string;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/cinemas/{id}/halls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                cinemaId: string;
                                name: string;
                                /** @description Seats that can be sold (blocked seats excluded) */
                                capacity: number;
                                cleaningMinutes: number;
                                /** @description Seat rules (default off) */
                                seatRules: {
                                    noSingleGaps: boolean;
                                };
                                layout: {
                                    rows: {
                                        label: string;
                                        y?: number;
                                        seats: {
                                            /** Format: uuid */
                                            id: string;
                                            number: number;
                                            /** @enum {unknown} */
                                            type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                            x: number;
                                            y: number;
                                        }[];
                                    }[];
                                };
                                /** @description In the answer to a layout change: coming showtimes with sold or held seats, which keep the layout they were sold with (every other showtime takes the new one) */
                                keptLayout?: {
                                    /** Format: uuid */
                                    showtimeId: string;
                                    /** Format: date-time */
                                    startsAt: string;
                                }[];
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @description Rows of seats; x (and y, default the row index) place each seat so aisles and curves can be drawn */
                        layout: {
                            rows: {
                                label: string;
                                y?: number;
                                seats: {
                                    number: number;
                                    /** @enum {unknown} */
                                    type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                    x: number;
                                    y?: number;
                                    /** @description Ignored: a seat keeps its id by row label and number */
                                    id?: string;
                                }[];
                            }[];
                        };
                        /** @description Buffer after each showtime (default 15) */
                        cleaningMinutes?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            cinemaId: string;
                            name: string;
                            /** @description Seats that can be sold (blocked seats excluded) */
                            capacity: number;
                            cleaningMinutes: number;
                            /** @description Seat rules (default off) */
                            seatRules: {
                                noSingleGaps: boolean;
                            };
                            layout: {
                                rows: {
                                    label: string;
                                    y?: number;
                                    seats: {
                                        /** Format: uuid */
                                        id: string;
                                        number: number;
                                        /** @enum {unknown} */
                                        type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                        x: number;
                                        y: number;
                                    }[];
                                }[];
                            };
                            /** @description In the answer to a layout change: coming showtimes with sold or held seats, which keep the layout they were sold with (every other showtime takes the new one) */
                            keptLayout?: {
                                /** Format: uuid */
                                showtimeId: string;
                                /** Format: date-time */
                                startsAt: string;
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/halls/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            cinemaId: string;
                            name: string;
                            /** @description Seats that can be sold (blocked seats excluded) */
                            capacity: number;
                            cleaningMinutes: number;
                            /** @description Seat rules (default off) */
                            seatRules: {
                                noSingleGaps: boolean;
                            };
                            layout: {
                                rows: {
                                    label: string;
                                    y?: number;
                                    seats: {
                                        /** Format: uuid */
                                        id: string;
                                        number: number;
                                        /** @enum {unknown} */
                                        type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                        x: number;
                                        y: number;
                                    }[];
                                }[];
                            };
                            /** @description In the answer to a layout change: coming showtimes with sold or held seats, which keep the layout they were sold with (every other showtime takes the new one) */
                            keptLayout?: {
                                /** Format: uuid */
                                showtimeId: string;
                                /** Format: date-time */
                                startsAt: string;
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Rename, re-time or re-seat a hall
         * @description A new layout applies at once to every showtime without sales; coming showtimes with sold or held seats keep the layout they were sold with, listed in `keptLayout`. 409 prices_missing when a showtime taking the new layout has no price for one of its seat types.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** @description Rows of seats; x (and y, default the row index) place each seat so aisles and curves can be drawn */
                        layout?: {
                            rows: {
                                label: string;
                                y?: number;
                                seats: {
                                    number: number;
                                    /** @enum {unknown} */
                                    type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                    x: number;
                                    y?: number;
                                    /** @description Ignored: a seat keeps its id by row label and number */
                                    id?: string;
                                }[];
                            }[];
                        };
                        /** @description Buffer after each showtime (default 15) */
                        cleaningMinutes?: number;
                        seatRules?: {
                            /** @description A customer's hold may not leave one lone empty seat between taken seats or against a row's end (409 `orphan_seat`); staff are exempt */
                            noSingleGaps: boolean;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            cinemaId: string;
                            name: string;
                            /** @description Seats that can be sold (blocked seats excluded) */
                            capacity: number;
                            cleaningMinutes: number;
                            /** @description Seat rules (default off) */
                            seatRules: {
                                noSingleGaps: boolean;
                            };
                            layout: {
                                rows: {
                                    label: string;
                                    y?: number;
                                    seats: {
                                        /** Format: uuid */
                                        id: string;
                                        number: number;
                                        /** @enum {unknown} */
                                        type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                        x: number;
                                        y: number;
                                    }[];
                                }[];
                            };
                            /** @description In the answer to a layout change: coming showtimes with sold or held seats, which keep the layout they were sold with (every other showtime takes the new one) */
                            keptLayout?: {
                                /** Format: uuid */
                                showtimeId: string;
                                /** Format: date-time */
                                startsAt: string;
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/showtimes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Showtimes; date is the cinema's local day */
        get: {
            parameters: {
                query?: {
                    movieId?: string;
                    cinemaId?: string;
                    hallId?: string;
                    /** @description The cinema's local calendar day */
                    date?: string;
                    /** @description Starting at or after this instant (default: now, unless date is given) */
                    from?: string;
                    /** @description Starting before this instant */
                    to?: string;
                    status?: "scheduled" | "cancelled" | "all";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                movieId: string;
                                /** Format: uuid */
                                hallId: string;
                                /** Format: uuid */
                                cinemaId: string;
                                /** Format: date-time */
                                startsAt: string;
                                /**
                                 * Format: date-time
                                 * @description Start + running time + cleaning buffer
                                 */
                                endsAt: string;
                                format: string;
                                language: string | null;
                                subtitles: string | null;
                                prices: {
                                    [key: string]: number;
                                };
                                /** @description Prices per ticket type code, then seat type; the default type's entry equals `prices` */
                                ticketPrices: {
                                    [key: string]: {
                                        [key: string]: number;
                                    };
                                };
                                currency: string;
                                /** @enum {unknown} */
                                status: "scheduled" | "cancelled";
                                /** @description Seats neither sold nor held right now */
                                seatsAvailable: number;
                                /** @description Seats the hall sells (blocked seats excluded), to read seatsAvailable against */
                                capacity: number;
                                movieTitle: string;
                                hallName: string;
                                /** @description The cinema's IANA time zone, for local display */
                                timezone: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Schedule a showtime (409 showtime_overlap when the hall is taken) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        movieId: string;
                        /** Format: uuid */
                        hallId: string;
                        /** Format: date-time */
                        startsAt: string;
                        /** @description 2D, 3D, IMAX, … */
                        format?: string;
                        language?: string | null;
                        subtitles?: string | null;
                        /** @description A price for every seat type the hall has (blocked seats are not sold) */
                        prices: {
                            /** @description Minor units of the currency (ISO 4217): 1250 EUR = €12.50, 1800 JPY = ¥1,800, 1250 KWD = KWD 1.250 */
                            standard?: number;
                            /** @description Minor units of the currency (ISO 4217): 1250 EUR = €12.50, 1800 JPY = ¥1,800, 1250 KWD = KWD 1.250 */
                            vip?: number;
                            /** @description Minor units of the currency (ISO 4217): 1250 EUR = €12.50, 1800 JPY = ¥1,800, 1250 KWD = KWD 1.250 */
                            accessible?: number;
                            /** @description Minor units of the currency (ISO 4217): 1250 EUR = €12.50, 1800 JPY = ¥1,800, 1250 KWD = KWD 1.250 */
                            companion?: number;
                        };
                        /** @description Prices per ticket type code, then seat type: {"child": {"standard": 800}}. The other types' prices; types left out are copied from the cinema's default price list. The default type's entry is always `prices` */
                        ticketPrices?: {
                            [key: string]: {
                                /** @description Minor units of the currency (ISO 4217): 1250 EUR = €12.50, 1800 JPY = ¥1,800, 1250 KWD = KWD 1.250 */
                                standard?: number;
                                /** @description Minor units of the currency (ISO 4217): 1250 EUR = €12.50, 1800 JPY = ¥1,800, 1250 KWD = KWD 1.250 */
                                vip?: number;
                                /** @description Minor units of the currency (ISO 4217): 1250 EUR = €12.50, 1800 JPY = ¥1,800, 1250 KWD = KWD 1.250 */
                                accessible?: number;
                                /** @description Minor units of the currency (ISO 4217): 1250 EUR = €12.50, 1800 JPY = ¥1,800, 1250 KWD = KWD 1.250 */
                                companion?: number;
                            };
                        };
                        /** @description ISO 4217 */
                        currency: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            movieId: string;
                            /** Format: uuid */
                            hallId: string;
                            /** Format: uuid */
                            cinemaId: string;
                            /** Format: date-time */
                            startsAt: string;
                            /**
                             * Format: date-time
                             * @description Start + running time + cleaning buffer
                             */
                            endsAt: string;
                            format: string;
                            language: string | null;
                            subtitles: string | null;
                            prices: {
                                [key: string]: number;
                            };
                            /** @description Prices per ticket type code, then seat type; the default type's entry equals `prices` */
                            ticketPrices: {
                                [key: string]: {
                                    [key: string]: number;
                                };
                            };
                            currency: string;
                            /** @enum {unknown} */
                            status: "scheduled" | "cancelled";
                            /** @description Seats neither sold nor held right now */
                            seatsAvailable: number;
                            /** @description Seats the hall sells (blocked seats excluded), to read seatsAvailable against */
                            capacity: number;
                            movieTitle: string;
                            hallName: string;
                            /** @description The cinema's IANA time zone, for local display */
                            timezone: string;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/showtimes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            movieId: string;
                            /** Format: uuid */
                            hallId: string;
                            /** Format: uuid */
                            cinemaId: string;
                            /** Format: date-time */
                            startsAt: string;
                            /**
                             * Format: date-time
                             * @description Start + running time + cleaning buffer
                             */
                            endsAt: string;
                            format: string;
                            language: string | null;
                            subtitles: string | null;
                            prices: {
                                [key: string]: number;
                            };
                            /** @description Prices per ticket type code, then seat type; the default type's entry equals `prices` */
                            ticketPrices: {
                                [key: string]: {
                                    [key: string]: number;
                                };
                            };
                            currency: string;
                            /** @enum {unknown} */
                            status: "scheduled" | "cancelled";
                            /** @description Seats neither sold nor held right now */
                            seatsAvailable: number;
                            /** @description Seats the hall sells (blocked seats excluded), to read seatsAvailable against */
                            capacity: number;
                            movieTitle: string;
                            hallName: string;
                            /** @description The cinema's IANA time zone, for local display */
                            timezone: string;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Move a showtime: a new start, or a new hall while nothing is sold
         * @description endsAt follows. 409 showtime_overlap when the hall is taken then; 409 showtime_has_sales for a new hall while seats are held or sold, 409 showtime_has_blocks while only staff blocks remain; 409 showtime_not_movable (reason cancelled or started); 422 for a start in the past or a hall of another cinema. Holders of paid bookings are emailed the new time, and may cancel with a full refund until the new start whatever the refund policy says.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description The new start (endsAt follows: running time + cleaning)
                         */
                        startsAt?: string;
                        /**
                         * Format: uuid
                         * @description Another hall of the same cinema; only while no seat is held, sold or blocked
                         */
                        hallId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            movieId: string;
                            /** Format: uuid */
                            hallId: string;
                            /** Format: uuid */
                            cinemaId: string;
                            /** Format: date-time */
                            startsAt: string;
                            /**
                             * Format: date-time
                             * @description Start + running time + cleaning buffer
                             */
                            endsAt: string;
                            format: string;
                            language: string | null;
                            subtitles: string | null;
                            prices: {
                                [key: string]: number;
                            };
                            /** @description Prices per ticket type code, then seat type; the default type's entry equals `prices` */
                            ticketPrices: {
                                [key: string]: {
                                    [key: string]: number;
                                };
                            };
                            currency: string;
                            /** @enum {unknown} */
                            status: "scheduled" | "cancelled";
                            /** @description Seats neither sold nor held right now */
                            seatsAvailable: number;
                            /** @description Seats the hall sells (blocked seats excluded), to read seatsAvailable against */
                            capacity: number;
                            movieTitle: string;
                            hallName: string;
                            /** @description The cinema's IANA time zone, for local display */
                            timezone: string;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/showtimes/{id}/prices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change a showtime's prices for seats not yet held (admin)
         * @description Holds made from now on pay the new prices; seats already held or sold keep theirs. `prices` (the default ticket type's) must cover every seat type of the hall; 422 ticket_type_unknown for a code that is not an active type of the cinema.
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            /** @description New prices for holds made from now on (seats held or sold keep theirs). `prices` is the default type's; ticketPrices replaces the other types' (types left out lose their prices) */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A price for every seat type the hall has (blocked seats are not sold) */
                        prices?: {
                            /** @description Minor units of the currency (ISO 4217): 1250 EUR = €12.50, 1800 JPY = ¥1,800, 1250 KWD = KWD 1.250 */
                            standard?: number;
                            /** @description Minor units of the currency (ISO 4217): 1250 EUR = €12.50, 1800 JPY = ¥1,800, 1250 KWD = KWD 1.250 */
                            vip?: number;
                            /** @description Minor units of the currency (ISO 4217): 1250 EUR = €12.50, 1800 JPY = ¥1,800, 1250 KWD = KWD 1.250 */
                            accessible?: number;
                            /** @description Minor units of the currency (ISO 4217): 1250 EUR = €12.50, 1800 JPY = ¥1,800, 1250 KWD = KWD 1.250 */
                            companion?: number;
                        };
                        /** @description Prices per ticket type code, then seat type: {"child": {"standard": 800}}. Replaces the other types' prices: types left out lose theirs */
                        ticketPrices?: {
                            [key: string]: {
                                /** @description Minor units of the currency (ISO 4217): 1250 EUR = €12.50, 1800 JPY = ¥1,800, 1250 KWD = KWD 1.250 */
                                standard?: number;
                                /** @description Minor units of the currency (ISO 4217): 1250 EUR = €12.50, 1800 JPY = ¥1,800, 1250 KWD = KWD 1.250 */
                                vip?: number;
                                /** @description Minor units of the currency (ISO 4217): 1250 EUR = €12.50, 1800 JPY = ¥1,800, 1250 KWD = KWD 1.250 */
                                accessible?: number;
                                /** @description Minor units of the currency (ISO 4217): 1250 EUR = €12.50, 1800 JPY = ¥1,800, 1250 KWD = KWD 1.250 */
                                companion?: number;
                            };
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            movieId: string;
                            /** Format: uuid */
                            hallId: string;
                            /** Format: uuid */
                            cinemaId: string;
                            /** Format: date-time */
                            startsAt: string;
                            /**
                             * Format: date-time
                             * @description Start + running time + cleaning buffer
                             */
                            endsAt: string;
                            format: string;
                            language: string | null;
                            subtitles: string | null;
                            prices: {
                                [key: string]: number;
                            };
                            /** @description Prices per ticket type code, then seat type; the default type's entry equals `prices` */
                            ticketPrices: {
                                [key: string]: {
                                    [key: string]: number;
                                };
                            };
                            currency: string;
                            /** @enum {unknown} */
                            status: "scheduled" | "cancelled";
                            /** @description Seats neither sold nor held right now */
                            seatsAvailable: number;
                            /** @description Seats the hall sells (blocked seats excluded), to read seatsAvailable against */
                            capacity: number;
                            movieTitle: string;
                            hallName: string;
                            /** @description The cinema's IANA time zone, for local display */
                            timezone: string;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/movies/{id}/poster": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Upload the movie's poster (JPEG, PNG or WebP, up to 10 MiB) */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            title: string;
                            originalTitle: string | null;
                            synopsis: string;
                            durationMinutes: number;
                            ageRating: string | null;
                            genres: string[];
                            language: string | null;
                            countries: string[];
                            releaseDate: string | null;
                            posterUrl: string | null;
                            backdropUrl: string | null;
                            poster: {
                                width: number;
                                height: number;
                                variants: {
                                    width: number;
                                    /** @enum {unknown} */
                                    format: "webp" | "jpeg";
                                    url: string;
                                }[];
                            } | null;
                            backdrop: {
                                width: number;
                                height: number;
                                variants: {
                                    width: number;
                                    /** @enum {unknown} */
                                    format: "webp" | "jpeg";
                                    url: string;
                                }[];
                            } | null;
                            cast: string[];
                            director: string | null;
                            people: {
                                /** Format: uuid */
                                personId: string;
                                name: string;
                                role: string;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description The title, synopsis and genres per language (en, de, fr), beside the original in `title`, `synopsis` and `genres`; what a language leaves out falls back to the original. A write replaces them all */
                            translations: {
                                en?: {
                                    title?: string;
                                    synopsis?: string;
                                    genres?: string[];
                                };
                                de?: {
                                    title?: string;
                                    synopsis?: string;
                                    genres?: string[];
                                };
                                fr?: {
                                    title?: string;
                                    synopsis?: string;
                                    genres?: string[];
                                };
                            };
                            /** @description The title, synopsis and genres in the reader's language (`?lang=`, else Accept-Language): its translation where given, else the original */
                            localized: {
                                /**
                                 * @description The language these texts are for
                                 * @enum {unknown}
                                 */
                                language: "en" | "de" | "fr";
                                title: string;
                                synopsis: string;
                                genres: string[];
                            };
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/movies/{id}/backdrop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Upload the movie's backdrop (JPEG, PNG or WebP, up to 10 MiB) */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            title: string;
                            originalTitle: string | null;
                            synopsis: string;
                            durationMinutes: number;
                            ageRating: string | null;
                            genres: string[];
                            language: string | null;
                            countries: string[];
                            releaseDate: string | null;
                            posterUrl: string | null;
                            backdropUrl: string | null;
                            poster: {
                                width: number;
                                height: number;
                                variants: {
                                    width: number;
                                    /** @enum {unknown} */
                                    format: "webp" | "jpeg";
                                    url: string;
                                }[];
                            } | null;
                            backdrop: {
                                width: number;
                                height: number;
                                variants: {
                                    width: number;
                                    /** @enum {unknown} */
                                    format: "webp" | "jpeg";
                                    url: string;
                                }[];
                            } | null;
                            cast: string[];
                            director: string | null;
                            people: {
                                /** Format: uuid */
                                personId: string;
                                name: string;
                                role: string;
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description The title, synopsis and genres per language (en, de, fr), beside the original in `title`, `synopsis` and `genres`; what a language leaves out falls back to the original. A write replaces them all */
                            translations: {
                                en?: {
                                    title?: string;
                                    synopsis?: string;
                                    genres?: string[];
                                };
                                de?: {
                                    title?: string;
                                    synopsis?: string;
                                    genres?: string[];
                                };
                                fr?: {
                                    title?: string;
                                    synopsis?: string;
                                    genres?: string[];
                                };
                            };
                            /** @description The title, synopsis and genres in the reader's language (`?lang=`, else Accept-Language): its translation where given, else the original */
                            localized: {
                                /**
                                 * @description The language these texts are for
                                 * @enum {unknown}
                                 */
                                language: "en" | "de" | "fr";
                                title: string;
                                synopsis: string;
                                genres: string[];
                            };
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/people/{id}/photo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Upload the person's photo (JPEG, PNG or WebP, up to 10 MiB) */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            photoUrl: string | null;
                            photo: {
                                width: number;
                                height: number;
                                variants: {
                                    width: number;
                                    /** @enum {unknown} */
                                    format: "webp" | "jpeg";
                                    url: string;
                                }[];
                            } | null;
                            bio: string;
                            movies: {
                                /** Format: uuid */
                                movieId: string;
                                title: string;
                                role: string;
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bookings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Bookings newest first: your own, or all for staff and admin */
        get: {
            parameters: {
                query?: {
                    showtimeId?: string;
                    status?: "held" | "confirmed" | "refunded" | "expired" | "cancelled";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                status: "held" | "confirmed" | "refunded" | "expired" | "cancelled";
                                /** Format: uuid */
                                showtimeId: string;
                                /**
                                 * Format: uuid
                                 * @description The account that holds the booking; null for a guest booking. A till sale carries the cashier's id (its emails go to the address given at the till)
                                 */
                                userId: string | null;
                                seats: {
                                    /** Format: uuid */
                                    seatId: string;
                                    row: string;
                                    number: number;
                                    /** @enum {string} */
                                    type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                    price: {
                                        amount: number;
                                        currency: string;
                                    };
                                    /** @description The ticket type's code (adult, child, …) */
                                    ticketType: string;
                                    /** @description The ticket type's English name */
                                    ticketTypeName: string;
                                }[];
                                total: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description tickets = total (the seats); subtotal = tickets + food; due = subtotal − discount − giftCards, what the payment charges (0: nothing to charge). A promo code discounts tickets only. */
                                priceBreakdown: {
                                    tickets: {
                                        amount: number;
                                        currency: string;
                                    };
                                    food: {
                                        amount: number;
                                        currency: string;
                                    };
                                    subtotal: {
                                        amount: number;
                                        currency: string;
                                    };
                                    /** @description The promo code applied to the booking (POST /bookings/{id}/promo-code), or null */
                                    discount: {
                                        /** @description The promo code as applied (upper case) */
                                        code: string;
                                        amount: {
                                            amount: number;
                                            currency: string;
                                        };
                                    } | null;
                                    giftCards: {
                                        amount: number;
                                        currency: string;
                                    };
                                    due: {
                                        amount: number;
                                        currency: string;
                                    };
                                };
                                /** Format: date-time */
                                expiresAt: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                confirmedAt: string | null;
                                /**
                                 * Format: date-time
                                 * @description When the hold was kept longer (POST …/extend); null until then. A hold extends once only.
                                 */
                                holdExtendedAt: string | null;
                                /** @description Issue 17: the food and drink ordered with the booking (PUT /bookings/{id}/food), null without */
                                food?: {
                                    /** Format: uuid */
                                    id: string;
                                    /**
                                     * @description held with its booking; paid with it; cancelled when the hold went; refunded when nothing is left
                                     * @enum {string}
                                     */
                                    status: "held" | "paid" | "cancelled" | "refunded";
                                    /** Format: uuid */
                                    cinemaId: string;
                                    /** @description What the counter scans or types (10 characters); null until the order is paid */
                                    pickupCode: string | null;
                                    /** @description GET this for the pickup QR (SVG): /concession-orders/{id}/pickup.svg, a guest booking's /guest/bookings/{id}/food/pickup.svg (with its token); null until the order is paid */
                                    pickupQrUrl: string | null;
                                    items: {
                                        /** Format: uuid */
                                        lineId: string;
                                        /** Format: uuid */
                                        productId: string;
                                        /** Format: uuid */
                                        variantId: string;
                                        /** @description Product and size, in the request language */
                                        name: string;
                                        quantity: number;
                                        unitPrice: {
                                            amount: number;
                                            currency: string;
                                        };
                                        total: {
                                            amount: number;
                                            currency: string;
                                        };
                                        /** @description A combo's choices, one per slot */
                                        choices: {
                                            /** Format: uuid */
                                            slotId: string;
                                            /** Format: uuid */
                                            variantId: string;
                                            name: string;
                                        }[];
                                        /** @description How many were handed over at the counter */
                                        collected: number;
                                        /** @description How many were refunded (never collected) */
                                        refunded: number;
                                    }[];
                                    total: {
                                        amount: number;
                                        currency: string;
                                    };
                                    /**
                                     * Format: date-time
                                     * @description When the last line was handed over
                                     */
                                    collectedAt: string | null;
                                } | null;
                                tickets?: {
                                    /** Format: uuid */
                                    id: string;
                                    /** Format: uuid */
                                    bookingId: string;
                                    /** Format: uuid */
                                    showtimeId: string;
                                    seat: {
                                        /** Format: uuid */
                                        seatId: string;
                                        row: string;
                                        number: number;
                                        /** @enum {string} */
                                        type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                    };
                                    price: {
                                        amount: number;
                                        currency: string;
                                    };
                                    /** @description Self-signed (Ed25519) ticket code, as in the QR code */
                                    code: string;
                                    /** @enum {string} */
                                    status: "valid" | "used" | "void";
                                    /** Format: date-time */
                                    checkedInAt: string | null;
                                    /** @description The ticket type's code (adult, child, …) */
                                    ticketType?: string;
                                }[];
                                refunds?: {
                                    /** Format: uuid */
                                    id: string;
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                    giftCardAmount: {
                                        amount: number;
                                        currency: string;
                                    };
                                    /** @enum {string} */
                                    status: "pending" | "succeeded";
                                    /** @description customer_cancel, showtime_cancelled, booking_unavailable, late_success or food_refund (food alone) */
                                    reason: string;
                                    ticketIds: string[];
                                    food?: {
                                        amount: {
                                            amount: number;
                                            currency: string;
                                        };
                                        lines: {
                                            /** Format: uuid */
                                            lineId: string;
                                            name: string;
                                            quantity: number;
                                            amount: {
                                                amount: number;
                                                currency: string;
                                            };
                                        }[];
                                    } | null;
                                    /** Format: date-time */
                                    createdAt: string;
                                    /** Format: date-time */
                                    completedAt: string | null;
                                }[];
                                /** @description The refund policy cancelling is judged by (confirmed bookings) */
                                refundPolicy?: {
                                    /** @description Without tiers: everything back until this many minutes before the start, nothing after */
                                    cutoffMinutes: number;
                                    tiers?: {
                                        minutesBefore: number;
                                        percent: number;
                                    }[];
                                    /**
                                     * Format: date-time
                                     * @description The showtime moved after this booking was paid: cancelling gives everything back until then (the new start), whatever the cut-off or tiers say
                                     */
                                    fullRefundUntil?: string;
                                    /**
                                     * @description Why fullRefundUntil applies: showtime_moved, or at_till (paid at a box office till: refunded there, in full until the start; cancelling online is 409 refund_at_till)
                                     * @enum {string}
                                     */
                                    reason?: "showtime_moved" | "at_till";
                                };
                                /** @description What cancelling every valid ticket would refund at `asOf` (confirmed bookings); 0 when the window has closed */
                                refundPreview?: {
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                    percent: number;
                                    /** Format: date-time */
                                    asOf: string;
                                };
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Hold 1–10 seats of a showtime for HOLD_MINUTES, all or none
         * @description Exactly one of seatIds (the cinema's default ticket type) and seats (a ticket type each); prices come from the showtime. 409 seats_unavailable lists the seats taken (held, sold or blocked); 409 showtime_not_bookable; 409 seat_limit_reached; 422 companion_requires_accessible; 422 ticket_type_unknown (no such active type at this cinema), ticket_type_not_priced (not on the showtime's price list for that seat type), ticket_type_not_allowed (the film's age rating excludes the type), each with the seatIds concerned.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        showtimeId: string;
                        /** @description Seats sold as the cinema's default ticket type; or use `seats` */
                        seatIds?: string[];
                        /** @description Seats with a ticket type each; or use `seatIds` */
                        seats?: {
                            /** Format: uuid */
                            seatId: string;
                            /** @description A ticket type code of the cinema (GET /cinemas/{id}/ticket-types); the cinema's default when left out */
                            ticketType?: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            status: "held" | "confirmed" | "refunded" | "expired" | "cancelled";
                            /** Format: uuid */
                            showtimeId: string;
                            /**
                             * Format: uuid
                             * @description The account that holds the booking; null for a guest booking. A till sale carries the cashier's id (its emails go to the address given at the till)
                             */
                            userId: string | null;
                            seats: {
                                /** Format: uuid */
                                seatId: string;
                                row: string;
                                number: number;
                                /** @enum {string} */
                                type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                price: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description The ticket type's code (adult, child, …) */
                                ticketType: string;
                                /** @description The ticket type's English name */
                                ticketTypeName: string;
                            }[];
                            total: {
                                amount: number;
                                currency: string;
                            };
                            /** @description tickets = total (the seats); subtotal = tickets + food; due = subtotal − discount − giftCards, what the payment charges (0: nothing to charge). A promo code discounts tickets only. */
                            priceBreakdown: {
                                tickets: {
                                    amount: number;
                                    currency: string;
                                };
                                food: {
                                    amount: number;
                                    currency: string;
                                };
                                subtotal: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description The promo code applied to the booking (POST /bookings/{id}/promo-code), or null */
                                discount: {
                                    /** @description The promo code as applied (upper case) */
                                    code: string;
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                } | null;
                                giftCards: {
                                    amount: number;
                                    currency: string;
                                };
                                due: {
                                    amount: number;
                                    currency: string;
                                };
                            };
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            confirmedAt: string | null;
                            /**
                             * Format: date-time
                             * @description When the hold was kept longer (POST …/extend); null until then. A hold extends once only.
                             */
                            holdExtendedAt: string | null;
                            /** @description Issue 17: the food and drink ordered with the booking (PUT /bookings/{id}/food), null without */
                            food?: {
                                /** Format: uuid */
                                id: string;
                                /**
                                 * @description held with its booking; paid with it; cancelled when the hold went; refunded when nothing is left
                                 * @enum {string}
                                 */
                                status: "held" | "paid" | "cancelled" | "refunded";
                                /** Format: uuid */
                                cinemaId: string;
                                /** @description What the counter scans or types (10 characters); null until the order is paid */
                                pickupCode: string | null;
                                /** @description GET this for the pickup QR (SVG): /concession-orders/{id}/pickup.svg, a guest booking's /guest/bookings/{id}/food/pickup.svg (with its token); null until the order is paid */
                                pickupQrUrl: string | null;
                                items: {
                                    /** Format: uuid */
                                    lineId: string;
                                    /** Format: uuid */
                                    productId: string;
                                    /** Format: uuid */
                                    variantId: string;
                                    /** @description Product and size, in the request language */
                                    name: string;
                                    quantity: number;
                                    unitPrice: {
                                        amount: number;
                                        currency: string;
                                    };
                                    total: {
                                        amount: number;
                                        currency: string;
                                    };
                                    /** @description A combo's choices, one per slot */
                                    choices: {
                                        /** Format: uuid */
                                        slotId: string;
                                        /** Format: uuid */
                                        variantId: string;
                                        name: string;
                                    }[];
                                    /** @description How many were handed over at the counter */
                                    collected: number;
                                    /** @description How many were refunded (never collected) */
                                    refunded: number;
                                }[];
                                total: {
                                    amount: number;
                                    currency: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description When the last line was handed over
                                 */
                                collectedAt: string | null;
                            } | null;
                            tickets?: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                bookingId: string;
                                /** Format: uuid */
                                showtimeId: string;
                                seat: {
                                    /** Format: uuid */
                                    seatId: string;
                                    row: string;
                                    number: number;
                                    /** @enum {string} */
                                    type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                };
                                price: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description Self-signed (Ed25519) ticket code, as in the QR code */
                                code: string;
                                /** @enum {string} */
                                status: "valid" | "used" | "void";
                                /** Format: date-time */
                                checkedInAt: string | null;
                                /** @description The ticket type's code (adult, child, …) */
                                ticketType?: string;
                            }[];
                            refunds?: {
                                /** Format: uuid */
                                id: string;
                                amount: {
                                    amount: number;
                                    currency: string;
                                };
                                giftCardAmount: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @enum {string} */
                                status: "pending" | "succeeded";
                                /** @description customer_cancel, showtime_cancelled, booking_unavailable, late_success or food_refund (food alone) */
                                reason: string;
                                ticketIds: string[];
                                food?: {
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                    lines: {
                                        /** Format: uuid */
                                        lineId: string;
                                        name: string;
                                        quantity: number;
                                        amount: {
                                            amount: number;
                                            currency: string;
                                        };
                                    }[];
                                } | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                completedAt: string | null;
                            }[];
                            /** @description The refund policy cancelling is judged by (confirmed bookings) */
                            refundPolicy?: {
                                /** @description Without tiers: everything back until this many minutes before the start, nothing after */
                                cutoffMinutes: number;
                                tiers?: {
                                    minutesBefore: number;
                                    percent: number;
                                }[];
                                /**
                                 * Format: date-time
                                 * @description The showtime moved after this booking was paid: cancelling gives everything back until then (the new start), whatever the cut-off or tiers say
                                 */
                                fullRefundUntil?: string;
                                /**
                                 * @description Why fullRefundUntil applies: showtime_moved, or at_till (paid at a box office till: refunded there, in full until the start; cancelling online is 409 refund_at_till)
                                 * @enum {string}
                                 */
                                reason?: "showtime_moved" | "at_till";
                            };
                            /** @description What cancelling every valid ticket would refund at `asOf` (confirmed bookings); 0 when the window has closed */
                            refundPreview?: {
                                amount: {
                                    amount: number;
                                    currency: string;
                                };
                                percent: number;
                                /** Format: date-time */
                                asOf: string;
                            };
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bookings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One booking */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            status: "held" | "confirmed" | "refunded" | "expired" | "cancelled";
                            /** Format: uuid */
                            showtimeId: string;
                            /**
                             * Format: uuid
                             * @description The account that holds the booking; null for a guest booking. A till sale carries the cashier's id (its emails go to the address given at the till)
                             */
                            userId: string | null;
                            seats: {
                                /** Format: uuid */
                                seatId: string;
                                row: string;
                                number: number;
                                /** @enum {string} */
                                type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                price: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description The ticket type's code (adult, child, …) */
                                ticketType: string;
                                /** @description The ticket type's English name */
                                ticketTypeName: string;
                            }[];
                            total: {
                                amount: number;
                                currency: string;
                            };
                            /** @description tickets = total (the seats); subtotal = tickets + food; due = subtotal − discount − giftCards, what the payment charges (0: nothing to charge). A promo code discounts tickets only. */
                            priceBreakdown: {
                                tickets: {
                                    amount: number;
                                    currency: string;
                                };
                                food: {
                                    amount: number;
                                    currency: string;
                                };
                                subtotal: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description The promo code applied to the booking (POST /bookings/{id}/promo-code), or null */
                                discount: {
                                    /** @description The promo code as applied (upper case) */
                                    code: string;
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                } | null;
                                giftCards: {
                                    amount: number;
                                    currency: string;
                                };
                                due: {
                                    amount: number;
                                    currency: string;
                                };
                            };
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            confirmedAt: string | null;
                            /**
                             * Format: date-time
                             * @description When the hold was kept longer (POST …/extend); null until then. A hold extends once only.
                             */
                            holdExtendedAt: string | null;
                            /** @description Issue 17: the food and drink ordered with the booking (PUT /bookings/{id}/food), null without */
                            food?: {
                                /** Format: uuid */
                                id: string;
                                /**
                                 * @description held with its booking; paid with it; cancelled when the hold went; refunded when nothing is left
                                 * @enum {string}
                                 */
                                status: "held" | "paid" | "cancelled" | "refunded";
                                /** Format: uuid */
                                cinemaId: string;
                                /** @description What the counter scans or types (10 characters); null until the order is paid */
                                pickupCode: string | null;
                                /** @description GET this for the pickup QR (SVG): /concession-orders/{id}/pickup.svg, a guest booking's /guest/bookings/{id}/food/pickup.svg (with its token); null until the order is paid */
                                pickupQrUrl: string | null;
                                items: {
                                    /** Format: uuid */
                                    lineId: string;
                                    /** Format: uuid */
                                    productId: string;
                                    /** Format: uuid */
                                    variantId: string;
                                    /** @description Product and size, in the request language */
                                    name: string;
                                    quantity: number;
                                    unitPrice: {
                                        amount: number;
                                        currency: string;
                                    };
                                    total: {
                                        amount: number;
                                        currency: string;
                                    };
                                    /** @description A combo's choices, one per slot */
                                    choices: {
                                        /** Format: uuid */
                                        slotId: string;
                                        /** Format: uuid */
                                        variantId: string;
                                        name: string;
                                    }[];
                                    /** @description How many were handed over at the counter */
                                    collected: number;
                                    /** @description How many were refunded (never collected) */
                                    refunded: number;
                                }[];
                                total: {
                                    amount: number;
                                    currency: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description When the last line was handed over
                                 */
                                collectedAt: string | null;
                            } | null;
                            tickets?: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                bookingId: string;
                                /** Format: uuid */
                                showtimeId: string;
                                seat: {
                                    /** Format: uuid */
                                    seatId: string;
                                    row: string;
                                    number: number;
                                    /** @enum {string} */
                                    type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                };
                                price: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description Self-signed (Ed25519) ticket code, as in the QR code */
                                code: string;
                                /** @enum {string} */
                                status: "valid" | "used" | "void";
                                /** Format: date-time */
                                checkedInAt: string | null;
                                /** @description The ticket type's code (adult, child, …) */
                                ticketType?: string;
                            }[];
                            refunds?: {
                                /** Format: uuid */
                                id: string;
                                amount: {
                                    amount: number;
                                    currency: string;
                                };
                                giftCardAmount: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @enum {string} */
                                status: "pending" | "succeeded";
                                /** @description customer_cancel, showtime_cancelled, booking_unavailable, late_success or food_refund (food alone) */
                                reason: string;
                                ticketIds: string[];
                                food?: {
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                    lines: {
                                        /** Format: uuid */
                                        lineId: string;
                                        name: string;
                                        quantity: number;
                                        amount: {
                                            amount: number;
                                            currency: string;
                                        };
                                    }[];
                                } | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                completedAt: string | null;
                            }[];
                            /** @description The refund policy cancelling is judged by (confirmed bookings) */
                            refundPolicy?: {
                                /** @description Without tiers: everything back until this many minutes before the start, nothing after */
                                cutoffMinutes: number;
                                tiers?: {
                                    minutesBefore: number;
                                    percent: number;
                                }[];
                                /**
                                 * Format: date-time
                                 * @description The showtime moved after this booking was paid: cancelling gives everything back until then (the new start), whatever the cut-off or tiers say
                                 */
                                fullRefundUntil?: string;
                                /**
                                 * @description Why fullRefundUntil applies: showtime_moved, or at_till (paid at a box office till: refunded there, in full until the start; cancelling online is 409 refund_at_till)
                                 * @enum {string}
                                 */
                                reason?: "showtime_moved" | "at_till";
                            };
                            /** @description What cancelling every valid ticket would refund at `asOf` (confirmed bookings); 0 when the window has closed */
                            refundPreview?: {
                                amount: {
                                    amount: number;
                                    currency: string;
                                };
                                percent: number;
                                /** Format: date-time */
                                asOf: string;
                            };
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Release a held booking at once (409 booking_not_releasable once paid)
         * @description 422 companion_requires_accessible (seatIds: the companion seats) when a customer would keep a companion seat, held or bought in another booking, without this booking's accessible seat next to it: release that one first. Staff are exempt.
         */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bookings/{id}/extend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Keep a hold longer, once, by HOLD_EXTENSION_MINUTES
         * @description expiresAt (and every held seat) moves on by HOLD_EXTENSION_MINUTES. 409 hold_already_extended the second time (with expiresAt); 409 booking_expired when the hold lapsed; 409 booking_not_payable when the booking is no hold any more (bookingStatus).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            status: "held" | "confirmed" | "refunded" | "expired" | "cancelled";
                            /** Format: uuid */
                            showtimeId: string;
                            /**
                             * Format: uuid
                             * @description The account that holds the booking; null for a guest booking. A till sale carries the cashier's id (its emails go to the address given at the till)
                             */
                            userId: string | null;
                            seats: {
                                /** Format: uuid */
                                seatId: string;
                                row: string;
                                number: number;
                                /** @enum {string} */
                                type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                price: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description The ticket type's code (adult, child, …) */
                                ticketType: string;
                                /** @description The ticket type's English name */
                                ticketTypeName: string;
                            }[];
                            total: {
                                amount: number;
                                currency: string;
                            };
                            /** @description tickets = total (the seats); subtotal = tickets + food; due = subtotal − discount − giftCards, what the payment charges (0: nothing to charge). A promo code discounts tickets only. */
                            priceBreakdown: {
                                tickets: {
                                    amount: number;
                                    currency: string;
                                };
                                food: {
                                    amount: number;
                                    currency: string;
                                };
                                subtotal: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description The promo code applied to the booking (POST /bookings/{id}/promo-code), or null */
                                discount: {
                                    /** @description The promo code as applied (upper case) */
                                    code: string;
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                } | null;
                                giftCards: {
                                    amount: number;
                                    currency: string;
                                };
                                due: {
                                    amount: number;
                                    currency: string;
                                };
                            };
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            confirmedAt: string | null;
                            /**
                             * Format: date-time
                             * @description When the hold was kept longer (POST …/extend); null until then. A hold extends once only.
                             */
                            holdExtendedAt: string | null;
                            /** @description Issue 17: the food and drink ordered with the booking (PUT /bookings/{id}/food), null without */
                            food?: {
                                /** Format: uuid */
                                id: string;
                                /**
                                 * @description held with its booking; paid with it; cancelled when the hold went; refunded when nothing is left
                                 * @enum {string}
                                 */
                                status: "held" | "paid" | "cancelled" | "refunded";
                                /** Format: uuid */
                                cinemaId: string;
                                /** @description What the counter scans or types (10 characters); null until the order is paid */
                                pickupCode: string | null;
                                /** @description GET this for the pickup QR (SVG): /concession-orders/{id}/pickup.svg, a guest booking's /guest/bookings/{id}/food/pickup.svg (with its token); null until the order is paid */
                                pickupQrUrl: string | null;
                                items: {
                                    /** Format: uuid */
                                    lineId: string;
                                    /** Format: uuid */
                                    productId: string;
                                    /** Format: uuid */
                                    variantId: string;
                                    /** @description Product and size, in the request language */
                                    name: string;
                                    quantity: number;
                                    unitPrice: {
                                        amount: number;
                                        currency: string;
                                    };
                                    total: {
                                        amount: number;
                                        currency: string;
                                    };
                                    /** @description A combo's choices, one per slot */
                                    choices: {
                                        /** Format: uuid */
                                        slotId: string;
                                        /** Format: uuid */
                                        variantId: string;
                                        name: string;
                                    }[];
                                    /** @description How many were handed over at the counter */
                                    collected: number;
                                    /** @description How many were refunded (never collected) */
                                    refunded: number;
                                }[];
                                total: {
                                    amount: number;
                                    currency: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description When the last line was handed over
                                 */
                                collectedAt: string | null;
                            } | null;
                            tickets?: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                bookingId: string;
                                /** Format: uuid */
                                showtimeId: string;
                                seat: {
                                    /** Format: uuid */
                                    seatId: string;
                                    row: string;
                                    number: number;
                                    /** @enum {string} */
                                    type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                };
                                price: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description Self-signed (Ed25519) ticket code, as in the QR code */
                                code: string;
                                /** @enum {string} */
                                status: "valid" | "used" | "void";
                                /** Format: date-time */
                                checkedInAt: string | null;
                                /** @description The ticket type's code (adult, child, …) */
                                ticketType?: string;
                            }[];
                            refunds?: {
                                /** Format: uuid */
                                id: string;
                                amount: {
                                    amount: number;
                                    currency: string;
                                };
                                giftCardAmount: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @enum {string} */
                                status: "pending" | "succeeded";
                                /** @description customer_cancel, showtime_cancelled, booking_unavailable, late_success or food_refund (food alone) */
                                reason: string;
                                ticketIds: string[];
                                food?: {
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                    lines: {
                                        /** Format: uuid */
                                        lineId: string;
                                        name: string;
                                        quantity: number;
                                        amount: {
                                            amount: number;
                                            currency: string;
                                        };
                                    }[];
                                } | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                completedAt: string | null;
                            }[];
                            /** @description The refund policy cancelling is judged by (confirmed bookings) */
                            refundPolicy?: {
                                /** @description Without tiers: everything back until this many minutes before the start, nothing after */
                                cutoffMinutes: number;
                                tiers?: {
                                    minutesBefore: number;
                                    percent: number;
                                }[];
                                /**
                                 * Format: date-time
                                 * @description The showtime moved after this booking was paid: cancelling gives everything back until then (the new start), whatever the cut-off or tiers say
                                 */
                                fullRefundUntil?: string;
                                /**
                                 * @description Why fullRefundUntil applies: showtime_moved, or at_till (paid at a box office till: refunded there, in full until the start; cancelling online is 409 refund_at_till)
                                 * @enum {string}
                                 */
                                reason?: "showtime_moved" | "at_till";
                            };
                            /** @description What cancelling every valid ticket would refund at `asOf` (confirmed bookings); 0 when the window has closed */
                            refundPreview?: {
                                amount: {
                                    amount: number;
                                    currency: string;
                                };
                                percent: number;
                                /** Format: date-time */
                                asOf: string;
                            };
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/showtimes/{id}/seats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The seat map with each seat's status and price
         * @description Answers with a strong `ETag`; a request whose `If-None-Match` names the current one gets 304 without a body.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            showtimeId: string;
                            /** Format: uuid */
                            hallId: string;
                            seats: {
                                /** Format: uuid */
                                id: string;
                                row: string;
                                number: number;
                                /** @enum {string} */
                                type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                x: number;
                                y: number;
                                status: "available" | "held" | "sold" | "blocked";
                                price: {
                                    amount: number;
                                    currency: string;
                                } | null;
                            }[];
                        };
                    };
                };
                /** @description The map named by `If-None-Match` is still current (no body). Clients that cannot keep the live stream open poll with the `ETag` of their last answer. */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/showtimes/{id}/seats/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server-Sent Events: a `snapshot` (the seat map) first, then `seats` changes and `ping`s; ids resume with Last-Event-ID or `?lastEventId=` */
        get: {
            parameters: {
                query?: {
                    /** @description Resume after this event id, like the `Last-Event-ID` header (which wins when both are sent): for clients that open a new stream themselves and cannot set the header. */
                    lastEventId?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Server-Sent Events: `event: snapshot` with the seat map (or, on resume, the missed `seats` events), then `event: seats` with changes; `id` lines to resume from with Last-Event-ID. `event: ping` with `{"every": ms}` follows the snapshot or replay at once and then comes every `every` ms: a client that hears nothing for two intervals may treat the stream as dropped. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
                /** @description `rate_limited`: this client address has SSE_MAX_PER_CLIENT streams open on this server already. */
                429: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `stream_limit_reached`: this server has SSE_MAX_CONNECTIONS streams open. Like every route, also `service_unavailable` while the database is not answering. */
                503: {
                    headers: {
                        /** @description Seconds to wait before trying again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/showtimes/{id}/blocks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The showtime's blocked seats with reason, who and when (staff) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description In seat order (row, then number) */
                            items: {
                                /** Format: uuid */
                                seatId: string;
                                row: string;
                                number: number;
                                reason: string;
                                /** @description The staff member who blocked it (null once their account is gone) */
                                blockedBy: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string | null;
                                } | null;
                                /** Format: date-time */
                                blockedAt: string;
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Block seats of one showtime with a reason, all or none (staff)
         * @description Blocked seats show as `blocked` on the seat map and cannot be held until unblocked. 409 seats_unavailable (`seatIds`: the ones held, sold or blocked already); 409 showtime_not_bookable when cancelled or started; 422 for seats not of the hall. Answers with all blocks of the showtime.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Seats of the hall */
                        seatIds: string[];
                        /** @description Why, for the staff list: "house seats", "broken armrest" */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description In seat order (row, then number) */
                            items: {
                                /** Format: uuid */
                                seatId: string;
                                row: string;
                                number: number;
                                reason: string;
                                /** @description The staff member who blocked it (null once their account is gone) */
                                blockedBy: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string | null;
                                } | null;
                                /** Format: date-time */
                                blockedAt: string;
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Unblock seats of a showtime (staff)
         * @description Seats not blocked are left as they are. Answers with the blocks left.
         */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        seatIds: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description In seat order (row, then number) */
                            items: {
                                /** Format: uuid */
                                seatId: string;
                                row: string;
                                number: number;
                                reason: string;
                                /** @description The staff member who blocked it (null once their account is gone) */
                                blockedBy: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string | null;
                                } | null;
                                /** Format: date-time */
                                blockedAt: string;
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/showtimes/{id}/blocks/{seatId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Unblock one seat of a showtime (staff)
         * @description A seat not blocked is left as it is. Answers with the blocks left.
         */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                    seatId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description In seat order (row, then number) */
                            items: {
                                /** Format: uuid */
                                seatId: string;
                                row: string;
                                number: number;
                                reason: string;
                                /** @description The staff member who blocked it (null once their account is gone) */
                                blockedBy: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string | null;
                                } | null;
                                /** Format: date-time */
                                blockedAt: string;
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/showtimes/{id}/best-seats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Best available: N free seats side by side in the best zone
         * @description The block nearest the middle of the preferred rows (the screen is at the layout's top). Special seats (accessible, companion) are not offered. Where the hall has `seatRules.noSingleGaps`, blocks that would leave a lone seat are passed over while another fits.
         */
        get: {
            parameters: {
                query: {
                    /** @description Seats wanted side by side */
                    count: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            seats: {
                                /** Format: uuid */
                                seatId: string;
                                row: string;
                                number: number;
                                price: {
                                    amount: number;
                                    currency: string;
                                };
                            }[];
                            /** @description Where the block sits: `centre` near the middle of the preferred rows (about two thirds back from the screen), else the nearest of front, back or side */
                            zone: "centre" | "front" | "back" | "side";
                        };
                    };
                };
                /** @description `not_found` (no such showtime) or `no_adjacent_seats` (no block of that many is free) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/showtimes/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Staff report: capacity, sold, held, available, revenue, checked in */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            capacity: number;
                            sold: number;
                            held: number;
                            available: number;
                            revenue: {
                                amount: number;
                                currency: string;
                            };
                            checkedIn: number;
                            /** @description Sold seats and their revenue as sold (before refunds) per ticket type */
                            byTicketType: {
                                ticketType: string;
                                name: string;
                                sold: number;
                                revenue: {
                                    amount: number;
                                    currency: string;
                                };
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/concession-orders/{id}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give back food not yet collected (staff): the lines given, or everything left
         * @description Paid back as the booking paid: gift cards their share, the rest to the card. 404 concession_order_not_found; 409 order_not_paid, order_refunded, already_collected (lineIds: handed over meanwhile, nothing refunded), refund_at_till (a counter sale: POST /till-sessions/{id}/refunds with concessionOrderId); 422 unknown_food_lines.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The lines (and how many) to give back; without: everything not yet collected */
                        lines?: {
                            /** Format: uuid */
                            lineId: string;
                            quantity: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            orderId: string;
                            /** Format: uuid */
                            refundId: string;
                            bookingId: string | null;
                            amount: {
                                /** @description Minor units */
                                amount: number;
                                currency: string;
                            };
                            /** @description Back to the card (or the till drawer) */
                            cardAmount: {
                                /** @description Minor units */
                                amount: number;
                                currency: string;
                            };
                            /** @description Credited back to the gift cards that paid */
                            giftCardAmount: {
                                /** @description Minor units */
                                amount: number;
                                currency: string;
                            };
                            lines: {
                                /** Format: uuid */
                                lineId: string;
                                name: string;
                                quantity: number;
                                amount: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/guest/bookings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hold seats as a guest (no account): the answer shows the management token once
         * @description The same rules as POST /api/v1/bookings: 409 seats_unavailable, showtime_not_bookable, seat_limit_reached (MAX_SEATS_PER_CUSTOMER per email and showtime). 403 csrf_rejected from another site; 429 rate_limited past RATE_LIMIT_PER_MINUTE per client address, or 10 guest bookings per email in 10 minutes.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        showtimeId: string;
                        /** @description Seats of the default ticket type */
                        seatIds?: string[];
                        /** @description Each seat with its ticket type; exactly one of seatIds and seats */
                        seats?: {
                            /** Format: uuid */
                            seatId: string;
                            /** @description A ticket type code */
                            ticketType: string;
                        }[];
                        /**
                         * Format: email
                         * @description Where the confirmation and its link go; the seat limit counts by it (case ignored)
                         */
                        email: string;
                        /** @description The guest as the email greets them */
                        name: string;
                        /**
                         * @description The language of the guest's emails and PDFs (issue 20); without it, the best match of Accept-Language, else 'en'
                         * @enum {unknown}
                         */
                        language?: "en" | "de" | "fr";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            status: "held" | "confirmed" | "refunded" | "expired" | "cancelled";
                            /** Format: uuid */
                            showtimeId: string;
                            /**
                             * Format: uuid
                             * @description The account that holds the booking; null for a guest booking. A till sale carries the cashier's id (its emails go to the address given at the till)
                             */
                            userId: string | null;
                            seats: {
                                /** Format: uuid */
                                seatId: string;
                                row: string;
                                number: number;
                                /** @enum {string} */
                                type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                price: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description The ticket type's code (adult, child, …) */
                                ticketType: string;
                                /** @description The ticket type's English name */
                                ticketTypeName: string;
                            }[];
                            total: {
                                amount: number;
                                currency: string;
                            };
                            /** @description tickets = total (the seats); subtotal = tickets + food; due = subtotal − discount − giftCards, what the payment charges (0: nothing to charge). A promo code discounts tickets only. */
                            priceBreakdown: {
                                tickets: {
                                    amount: number;
                                    currency: string;
                                };
                                food: {
                                    amount: number;
                                    currency: string;
                                };
                                subtotal: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description The promo code applied to the booking (POST /bookings/{id}/promo-code), or null */
                                discount: {
                                    /** @description The promo code as applied (upper case) */
                                    code: string;
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                } | null;
                                giftCards: {
                                    amount: number;
                                    currency: string;
                                };
                                due: {
                                    amount: number;
                                    currency: string;
                                };
                            };
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            confirmedAt: string | null;
                            /**
                             * Format: date-time
                             * @description When the hold was kept longer (POST …/extend); null until then. A hold extends once only.
                             */
                            holdExtendedAt: string | null;
                            /** @description Issue 17: the food and drink ordered with the booking (PUT /bookings/{id}/food), null without */
                            food?: {
                                /** Format: uuid */
                                id: string;
                                /**
                                 * @description held with its booking; paid with it; cancelled when the hold went; refunded when nothing is left
                                 * @enum {string}
                                 */
                                status: "held" | "paid" | "cancelled" | "refunded";
                                /** Format: uuid */
                                cinemaId: string;
                                /** @description What the counter scans or types (10 characters); null until the order is paid */
                                pickupCode: string | null;
                                /** @description GET this for the pickup QR (SVG): /concession-orders/{id}/pickup.svg, a guest booking's /guest/bookings/{id}/food/pickup.svg (with its token); null until the order is paid */
                                pickupQrUrl: string | null;
                                items: {
                                    /** Format: uuid */
                                    lineId: string;
                                    /** Format: uuid */
                                    productId: string;
                                    /** Format: uuid */
                                    variantId: string;
                                    /** @description Product and size, in the request language */
                                    name: string;
                                    quantity: number;
                                    unitPrice: {
                                        amount: number;
                                        currency: string;
                                    };
                                    total: {
                                        amount: number;
                                        currency: string;
                                    };
                                    /** @description A combo's choices, one per slot */
                                    choices: {
                                        /** Format: uuid */
                                        slotId: string;
                                        /** Format: uuid */
                                        variantId: string;
                                        name: string;
                                    }[];
                                    /** @description How many were handed over at the counter */
                                    collected: number;
                                    /** @description How many were refunded (never collected) */
                                    refunded: number;
                                }[];
                                total: {
                                    amount: number;
                                    currency: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description When the last line was handed over
                                 */
                                collectedAt: string | null;
                            } | null;
                            tickets?: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                bookingId: string;
                                /** Format: uuid */
                                showtimeId: string;
                                seat: {
                                    /** Format: uuid */
                                    seatId: string;
                                    row: string;
                                    number: number;
                                    /** @enum {string} */
                                    type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                };
                                price: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description Self-signed (Ed25519) ticket code, as in the QR code */
                                code: string;
                                /** @enum {string} */
                                status: "valid" | "used" | "void";
                                /** Format: date-time */
                                checkedInAt: string | null;
                                /** @description The ticket type's code (adult, child, …) */
                                ticketType?: string;
                            }[];
                            refunds?: {
                                /** Format: uuid */
                                id: string;
                                amount: {
                                    amount: number;
                                    currency: string;
                                };
                                giftCardAmount: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @enum {string} */
                                status: "pending" | "succeeded";
                                /** @description customer_cancel, showtime_cancelled, booking_unavailable, late_success or food_refund (food alone) */
                                reason: string;
                                ticketIds: string[];
                                food?: {
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                    lines: {
                                        /** Format: uuid */
                                        lineId: string;
                                        name: string;
                                        quantity: number;
                                        amount: {
                                            amount: number;
                                            currency: string;
                                        };
                                    }[];
                                } | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                completedAt: string | null;
                            }[];
                            /** @description The refund policy cancelling is judged by (confirmed bookings) */
                            refundPolicy?: {
                                /** @description Without tiers: everything back until this many minutes before the start, nothing after */
                                cutoffMinutes: number;
                                tiers?: {
                                    minutesBefore: number;
                                    percent: number;
                                }[];
                                /**
                                 * Format: date-time
                                 * @description The showtime moved after this booking was paid: cancelling gives everything back until then (the new start), whatever the cut-off or tiers say
                                 */
                                fullRefundUntil?: string;
                                /**
                                 * @description Why fullRefundUntil applies: showtime_moved, or at_till (paid at a box office till: refunded there, in full until the start; cancelling online is 409 refund_at_till)
                                 * @enum {string}
                                 */
                                reason?: "showtime_moved" | "at_till";
                            };
                            /** @description What cancelling every valid ticket would refund at `asOf` (confirmed bookings); 0 when the window has closed */
                            refundPreview?: {
                                amount: {
                                    amount: number;
                                    currency: string;
                                };
                                percent: number;
                                /** Format: date-time */
                                asOf: string;
                            };
                            /** @description Shown once: send it as "Authorization: Booking <token>" (or the Booking-Token header) to read, pay, cancel or release this booking and download its tickets. The confirmation email carries a link with a token of its own. */
                            managementToken: string;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/guest/bookings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A guest booking, with its tickets and refunds (401 without a token, 404 booking_not_found for a wrong one) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            status: "held" | "confirmed" | "refunded" | "expired" | "cancelled";
                            /** Format: uuid */
                            showtimeId: string;
                            /**
                             * Format: uuid
                             * @description The account that holds the booking; null for a guest booking. A till sale carries the cashier's id (its emails go to the address given at the till)
                             */
                            userId: string | null;
                            seats: {
                                /** Format: uuid */
                                seatId: string;
                                row: string;
                                number: number;
                                /** @enum {string} */
                                type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                price: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description The ticket type's code (adult, child, …) */
                                ticketType: string;
                                /** @description The ticket type's English name */
                                ticketTypeName: string;
                            }[];
                            total: {
                                amount: number;
                                currency: string;
                            };
                            /** @description tickets = total (the seats); subtotal = tickets + food; due = subtotal − discount − giftCards, what the payment charges (0: nothing to charge). A promo code discounts tickets only. */
                            priceBreakdown: {
                                tickets: {
                                    amount: number;
                                    currency: string;
                                };
                                food: {
                                    amount: number;
                                    currency: string;
                                };
                                subtotal: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description The promo code applied to the booking (POST /bookings/{id}/promo-code), or null */
                                discount: {
                                    /** @description The promo code as applied (upper case) */
                                    code: string;
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                } | null;
                                giftCards: {
                                    amount: number;
                                    currency: string;
                                };
                                due: {
                                    amount: number;
                                    currency: string;
                                };
                            };
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            confirmedAt: string | null;
                            /**
                             * Format: date-time
                             * @description When the hold was kept longer (POST …/extend); null until then. A hold extends once only.
                             */
                            holdExtendedAt: string | null;
                            /** @description Issue 17: the food and drink ordered with the booking (PUT /bookings/{id}/food), null without */
                            food?: {
                                /** Format: uuid */
                                id: string;
                                /**
                                 * @description held with its booking; paid with it; cancelled when the hold went; refunded when nothing is left
                                 * @enum {string}
                                 */
                                status: "held" | "paid" | "cancelled" | "refunded";
                                /** Format: uuid */
                                cinemaId: string;
                                /** @description What the counter scans or types (10 characters); null until the order is paid */
                                pickupCode: string | null;
                                /** @description GET this for the pickup QR (SVG): /concession-orders/{id}/pickup.svg, a guest booking's /guest/bookings/{id}/food/pickup.svg (with its token); null until the order is paid */
                                pickupQrUrl: string | null;
                                items: {
                                    /** Format: uuid */
                                    lineId: string;
                                    /** Format: uuid */
                                    productId: string;
                                    /** Format: uuid */
                                    variantId: string;
                                    /** @description Product and size, in the request language */
                                    name: string;
                                    quantity: number;
                                    unitPrice: {
                                        amount: number;
                                        currency: string;
                                    };
                                    total: {
                                        amount: number;
                                        currency: string;
                                    };
                                    /** @description A combo's choices, one per slot */
                                    choices: {
                                        /** Format: uuid */
                                        slotId: string;
                                        /** Format: uuid */
                                        variantId: string;
                                        name: string;
                                    }[];
                                    /** @description How many were handed over at the counter */
                                    collected: number;
                                    /** @description How many were refunded (never collected) */
                                    refunded: number;
                                }[];
                                total: {
                                    amount: number;
                                    currency: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description When the last line was handed over
                                 */
                                collectedAt: string | null;
                            } | null;
                            tickets?: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                bookingId: string;
                                /** Format: uuid */
                                showtimeId: string;
                                seat: {
                                    /** Format: uuid */
                                    seatId: string;
                                    row: string;
                                    number: number;
                                    /** @enum {string} */
                                    type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                };
                                price: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description Self-signed (Ed25519) ticket code, as in the QR code */
                                code: string;
                                /** @enum {string} */
                                status: "valid" | "used" | "void";
                                /** Format: date-time */
                                checkedInAt: string | null;
                                /** @description The ticket type's code (adult, child, …) */
                                ticketType?: string;
                            }[];
                            refunds?: {
                                /** Format: uuid */
                                id: string;
                                amount: {
                                    amount: number;
                                    currency: string;
                                };
                                giftCardAmount: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @enum {string} */
                                status: "pending" | "succeeded";
                                /** @description customer_cancel, showtime_cancelled, booking_unavailable, late_success or food_refund (food alone) */
                                reason: string;
                                ticketIds: string[];
                                food?: {
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                    lines: {
                                        /** Format: uuid */
                                        lineId: string;
                                        name: string;
                                        quantity: number;
                                        amount: {
                                            amount: number;
                                            currency: string;
                                        };
                                    }[];
                                } | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                completedAt: string | null;
                            }[];
                            /** @description The refund policy cancelling is judged by (confirmed bookings) */
                            refundPolicy?: {
                                /** @description Without tiers: everything back until this many minutes before the start, nothing after */
                                cutoffMinutes: number;
                                tiers?: {
                                    minutesBefore: number;
                                    percent: number;
                                }[];
                                /**
                                 * Format: date-time
                                 * @description The showtime moved after this booking was paid: cancelling gives everything back until then (the new start), whatever the cut-off or tiers say
                                 */
                                fullRefundUntil?: string;
                                /**
                                 * @description Why fullRefundUntil applies: showtime_moved, or at_till (paid at a box office till: refunded there, in full until the start; cancelling online is 409 refund_at_till)
                                 * @enum {string}
                                 */
                                reason?: "showtime_moved" | "at_till";
                            };
                            /** @description What cancelling every valid ticket would refund at `asOf` (confirmed bookings); 0 when the window has closed */
                            refundPreview?: {
                                amount: {
                                    amount: number;
                                    currency: string;
                                };
                                percent: number;
                                /** Format: date-time */
                                asOf: string;
                            };
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Release a held guest booking at once (409 booking_not_releasable once paid) */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/guest/bookings/{id}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pay for a held guest booking by card (test provider), PaymentIntent (Stripe) or {} when nothing is due; the confirmation email goes to the guest
         * @description As POST /api/v1/bookings/{id}/payments: 202 while the PaymentIntent waits (nextAction), 402 payment_declined, 409 booking_expired / booking_not_payable, 422 card_data_not_accepted, 422 payment_method_required ({} while something is due).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        card?: {
                            /** @description Card number; spaces and dashes are ignored */
                            number: string;
                            expMonth: number;
                            /** @description Four digits (two are read as 20YY) */
                            expYear: number;
                            cvc: string;
                        };
                        /** @description A Stripe PaymentIntent started with POST …/payment-intents and confirmed in the browser */
                        paymentIntentId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            payment: {
                                /** Format: uuid */
                                id: string;
                                status: "pending" | "succeeded" | "failed" | "refunded";
                                amount: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                            };
                            booking: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                status: "held" | "confirmed" | "refunded" | "expired" | "cancelled";
                                /** Format: uuid */
                                showtimeId: string;
                                /**
                                 * Format: uuid
                                 * @description The account that holds the booking; null for a guest booking. A till sale carries the cashier's id (its emails go to the address given at the till)
                                 */
                                userId: string | null;
                                seats: {
                                    /** Format: uuid */
                                    seatId: string;
                                    row: string;
                                    number: number;
                                    /** @enum {string} */
                                    type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                    price: {
                                        amount: number;
                                        currency: string;
                                    };
                                    /** @description The ticket type's code (adult, child, …) */
                                    ticketType: string;
                                    /** @description The ticket type's English name */
                                    ticketTypeName: string;
                                }[];
                                total: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description tickets = total (the seats); subtotal = tickets + food; due = subtotal − discount − giftCards, what the payment charges (0: nothing to charge). A promo code discounts tickets only. */
                                priceBreakdown: {
                                    tickets: {
                                        amount: number;
                                        currency: string;
                                    };
                                    food: {
                                        amount: number;
                                        currency: string;
                                    };
                                    subtotal: {
                                        amount: number;
                                        currency: string;
                                    };
                                    /** @description The promo code applied to the booking (POST /bookings/{id}/promo-code), or null */
                                    discount: {
                                        /** @description The promo code as applied (upper case) */
                                        code: string;
                                        amount: {
                                            amount: number;
                                            currency: string;
                                        };
                                    } | null;
                                    giftCards: {
                                        amount: number;
                                        currency: string;
                                    };
                                    due: {
                                        amount: number;
                                        currency: string;
                                    };
                                };
                                /** Format: date-time */
                                expiresAt: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                confirmedAt: string | null;
                                /**
                                 * Format: date-time
                                 * @description When the hold was kept longer (POST …/extend); null until then. A hold extends once only.
                                 */
                                holdExtendedAt: string | null;
                                /** @description Issue 17: the food and drink ordered with the booking (PUT /bookings/{id}/food), null without */
                                food?: {
                                    /** Format: uuid */
                                    id: string;
                                    /**
                                     * @description held with its booking; paid with it; cancelled when the hold went; refunded when nothing is left
                                     * @enum {string}
                                     */
                                    status: "held" | "paid" | "cancelled" | "refunded";
                                    /** Format: uuid */
                                    cinemaId: string;
                                    /** @description What the counter scans or types (10 characters); null until the order is paid */
                                    pickupCode: string | null;
                                    /** @description GET this for the pickup QR (SVG): /concession-orders/{id}/pickup.svg, a guest booking's /guest/bookings/{id}/food/pickup.svg (with its token); null until the order is paid */
                                    pickupQrUrl: string | null;
                                    items: {
                                        /** Format: uuid */
                                        lineId: string;
                                        /** Format: uuid */
                                        productId: string;
                                        /** Format: uuid */
                                        variantId: string;
                                        /** @description Product and size, in the request language */
                                        name: string;
                                        quantity: number;
                                        unitPrice: {
                                            amount: number;
                                            currency: string;
                                        };
                                        total: {
                                            amount: number;
                                            currency: string;
                                        };
                                        /** @description A combo's choices, one per slot */
                                        choices: {
                                            /** Format: uuid */
                                            slotId: string;
                                            /** Format: uuid */
                                            variantId: string;
                                            name: string;
                                        }[];
                                        /** @description How many were handed over at the counter */
                                        collected: number;
                                        /** @description How many were refunded (never collected) */
                                        refunded: number;
                                    }[];
                                    total: {
                                        amount: number;
                                        currency: string;
                                    };
                                    /**
                                     * Format: date-time
                                     * @description When the last line was handed over
                                     */
                                    collectedAt: string | null;
                                } | null;
                                tickets?: {
                                    /** Format: uuid */
                                    id: string;
                                    /** Format: uuid */
                                    bookingId: string;
                                    /** Format: uuid */
                                    showtimeId: string;
                                    seat: {
                                        /** Format: uuid */
                                        seatId: string;
                                        row: string;
                                        number: number;
                                        /** @enum {string} */
                                        type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                    };
                                    price: {
                                        amount: number;
                                        currency: string;
                                    };
                                    /** @description Self-signed (Ed25519) ticket code, as in the QR code */
                                    code: string;
                                    /** @enum {string} */
                                    status: "valid" | "used" | "void";
                                    /** Format: date-time */
                                    checkedInAt: string | null;
                                    /** @description The ticket type's code (adult, child, …) */
                                    ticketType?: string;
                                }[];
                                refunds?: {
                                    /** Format: uuid */
                                    id: string;
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                    giftCardAmount: {
                                        amount: number;
                                        currency: string;
                                    };
                                    /** @enum {string} */
                                    status: "pending" | "succeeded";
                                    /** @description customer_cancel, showtime_cancelled, booking_unavailable, late_success or food_refund (food alone) */
                                    reason: string;
                                    ticketIds: string[];
                                    food?: {
                                        amount: {
                                            amount: number;
                                            currency: string;
                                        };
                                        lines: {
                                            /** Format: uuid */
                                            lineId: string;
                                            name: string;
                                            quantity: number;
                                            amount: {
                                                amount: number;
                                                currency: string;
                                            };
                                        }[];
                                    } | null;
                                    /** Format: date-time */
                                    createdAt: string;
                                    /** Format: date-time */
                                    completedAt: string | null;
                                }[];
                                /** @description The refund policy cancelling is judged by (confirmed bookings) */
                                refundPolicy?: {
                                    /** @description Without tiers: everything back until this many minutes before the start, nothing after */
                                    cutoffMinutes: number;
                                    tiers?: {
                                        minutesBefore: number;
                                        percent: number;
                                    }[];
                                    /**
                                     * Format: date-time
                                     * @description The showtime moved after this booking was paid: cancelling gives everything back until then (the new start), whatever the cut-off or tiers say
                                     */
                                    fullRefundUntil?: string;
                                    /**
                                     * @description Why fullRefundUntil applies: showtime_moved, or at_till (paid at a box office till: refunded there, in full until the start; cancelling online is 409 refund_at_till)
                                     * @enum {string}
                                     */
                                    reason?: "showtime_moved" | "at_till";
                                };
                                /** @description What cancelling every valid ticket would refund at `asOf` (confirmed bookings); 0 when the window has closed */
                                refundPreview?: {
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                    percent: number;
                                    /** Format: date-time */
                                    asOf: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            payment: {
                                /** Format: uuid */
                                id: string;
                                status: "pending" | "succeeded" | "failed" | "refunded";
                                amount: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                            };
                            nextAction: {
                                /** @description Where the customer finishes the payment (3-D Secure, a bank) */
                                redirectUrl: string;
                            } | null;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/guest/bookings/{id}/payment-intents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start paying a held guest booking with Stripe: a PaymentIntent for what is due
         * @description As POST /api/v1/bookings/{id}/payment-intents: 409 provider_not_client_confirmed with the test provider.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            paymentId: string;
                            /** @description stripe; none when nothing was due (settled at once) */
                            provider: string;
                            /** @description For Stripe.js: elements({clientSecret}); null when nothing was due */
                            clientSecret: string | null;
                            publishableKey: string | null;
                            amount: {
                                /** @description Minor units */
                                amount: number;
                                currency: string;
                            };
                            status: "pending" | "succeeded" | "failed" | "refunded";
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/guest/bookings/{id}/extend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Keep a held guest booking longer, once, by HOLD_EXTENSION_MINUTES
         * @description As POST /api/v1/bookings/{id}/extend: 409 hold_already_extended the second time, booking_expired, booking_not_payable.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            status: "held" | "confirmed" | "refunded" | "expired" | "cancelled";
                            /** Format: uuid */
                            showtimeId: string;
                            /**
                             * Format: uuid
                             * @description The account that holds the booking; null for a guest booking. A till sale carries the cashier's id (its emails go to the address given at the till)
                             */
                            userId: string | null;
                            seats: {
                                /** Format: uuid */
                                seatId: string;
                                row: string;
                                number: number;
                                /** @enum {string} */
                                type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                price: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description The ticket type's code (adult, child, …) */
                                ticketType: string;
                                /** @description The ticket type's English name */
                                ticketTypeName: string;
                            }[];
                            total: {
                                amount: number;
                                currency: string;
                            };
                            /** @description tickets = total (the seats); subtotal = tickets + food; due = subtotal − discount − giftCards, what the payment charges (0: nothing to charge). A promo code discounts tickets only. */
                            priceBreakdown: {
                                tickets: {
                                    amount: number;
                                    currency: string;
                                };
                                food: {
                                    amount: number;
                                    currency: string;
                                };
                                subtotal: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description The promo code applied to the booking (POST /bookings/{id}/promo-code), or null */
                                discount: {
                                    /** @description The promo code as applied (upper case) */
                                    code: string;
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                } | null;
                                giftCards: {
                                    amount: number;
                                    currency: string;
                                };
                                due: {
                                    amount: number;
                                    currency: string;
                                };
                            };
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            confirmedAt: string | null;
                            /**
                             * Format: date-time
                             * @description When the hold was kept longer (POST …/extend); null until then. A hold extends once only.
                             */
                            holdExtendedAt: string | null;
                            /** @description Issue 17: the food and drink ordered with the booking (PUT /bookings/{id}/food), null without */
                            food?: {
                                /** Format: uuid */
                                id: string;
                                /**
                                 * @description held with its booking; paid with it; cancelled when the hold went; refunded when nothing is left
                                 * @enum {string}
                                 */
                                status: "held" | "paid" | "cancelled" | "refunded";
                                /** Format: uuid */
                                cinemaId: string;
                                /** @description What the counter scans or types (10 characters); null until the order is paid */
                                pickupCode: string | null;
                                /** @description GET this for the pickup QR (SVG): /concession-orders/{id}/pickup.svg, a guest booking's /guest/bookings/{id}/food/pickup.svg (with its token); null until the order is paid */
                                pickupQrUrl: string | null;
                                items: {
                                    /** Format: uuid */
                                    lineId: string;
                                    /** Format: uuid */
                                    productId: string;
                                    /** Format: uuid */
                                    variantId: string;
                                    /** @description Product and size, in the request language */
                                    name: string;
                                    quantity: number;
                                    unitPrice: {
                                        amount: number;
                                        currency: string;
                                    };
                                    total: {
                                        amount: number;
                                        currency: string;
                                    };
                                    /** @description A combo's choices, one per slot */
                                    choices: {
                                        /** Format: uuid */
                                        slotId: string;
                                        /** Format: uuid */
                                        variantId: string;
                                        name: string;
                                    }[];
                                    /** @description How many were handed over at the counter */
                                    collected: number;
                                    /** @description How many were refunded (never collected) */
                                    refunded: number;
                                }[];
                                total: {
                                    amount: number;
                                    currency: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description When the last line was handed over
                                 */
                                collectedAt: string | null;
                            } | null;
                            tickets?: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                bookingId: string;
                                /** Format: uuid */
                                showtimeId: string;
                                seat: {
                                    /** Format: uuid */
                                    seatId: string;
                                    row: string;
                                    number: number;
                                    /** @enum {string} */
                                    type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                };
                                price: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description Self-signed (Ed25519) ticket code, as in the QR code */
                                code: string;
                                /** @enum {string} */
                                status: "valid" | "used" | "void";
                                /** Format: date-time */
                                checkedInAt: string | null;
                                /** @description The ticket type's code (adult, child, …) */
                                ticketType?: string;
                            }[];
                            refunds?: {
                                /** Format: uuid */
                                id: string;
                                amount: {
                                    amount: number;
                                    currency: string;
                                };
                                giftCardAmount: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @enum {string} */
                                status: "pending" | "succeeded";
                                /** @description customer_cancel, showtime_cancelled, booking_unavailable, late_success or food_refund (food alone) */
                                reason: string;
                                ticketIds: string[];
                                food?: {
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                    lines: {
                                        /** Format: uuid */
                                        lineId: string;
                                        name: string;
                                        quantity: number;
                                        amount: {
                                            amount: number;
                                            currency: string;
                                        };
                                    }[];
                                } | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                completedAt: string | null;
                            }[];
                            /** @description The refund policy cancelling is judged by (confirmed bookings) */
                            refundPolicy?: {
                                /** @description Without tiers: everything back until this many minutes before the start, nothing after */
                                cutoffMinutes: number;
                                tiers?: {
                                    minutesBefore: number;
                                    percent: number;
                                }[];
                                /**
                                 * Format: date-time
                                 * @description The showtime moved after this booking was paid: cancelling gives everything back until then (the new start), whatever the cut-off or tiers say
                                 */
                                fullRefundUntil?: string;
                                /**
                                 * @description Why fullRefundUntil applies: showtime_moved, or at_till (paid at a box office till: refunded there, in full until the start; cancelling online is 409 refund_at_till)
                                 * @enum {string}
                                 */
                                reason?: "showtime_moved" | "at_till";
                            };
                            /** @description What cancelling every valid ticket would refund at `asOf` (confirmed bookings); 0 when the window has closed */
                            refundPreview?: {
                                amount: {
                                    amount: number;
                                    currency: string;
                                };
                                percent: number;
                                /** Format: date-time */
                                asOf: string;
                            };
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/guest/bookings/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel paid tickets of a guest booking (all when none are named), refunded by the refund policy
         * @description 409 cancellation_window_closed when the policy gives nothing back. After the showtime was moved (PATCH /api/v1/showtimes/{id}), the refund is full until the new start whatever the policy (refundPolicy/refundPreview on the booking show it).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Tickets to cancel; all when omitted */
                        ticketIds?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            status: "held" | "confirmed" | "refunded" | "expired" | "cancelled";
                            /** Format: uuid */
                            showtimeId: string;
                            /**
                             * Format: uuid
                             * @description The account that holds the booking; null for a guest booking. A till sale carries the cashier's id (its emails go to the address given at the till)
                             */
                            userId: string | null;
                            seats: {
                                /** Format: uuid */
                                seatId: string;
                                row: string;
                                number: number;
                                /** @enum {string} */
                                type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                price: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description The ticket type's code (adult, child, …) */
                                ticketType: string;
                                /** @description The ticket type's English name */
                                ticketTypeName: string;
                            }[];
                            total: {
                                amount: number;
                                currency: string;
                            };
                            /** @description tickets = total (the seats); subtotal = tickets + food; due = subtotal − discount − giftCards, what the payment charges (0: nothing to charge). A promo code discounts tickets only. */
                            priceBreakdown: {
                                tickets: {
                                    amount: number;
                                    currency: string;
                                };
                                food: {
                                    amount: number;
                                    currency: string;
                                };
                                subtotal: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description The promo code applied to the booking (POST /bookings/{id}/promo-code), or null */
                                discount: {
                                    /** @description The promo code as applied (upper case) */
                                    code: string;
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                } | null;
                                giftCards: {
                                    amount: number;
                                    currency: string;
                                };
                                due: {
                                    amount: number;
                                    currency: string;
                                };
                            };
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            confirmedAt: string | null;
                            /**
                             * Format: date-time
                             * @description When the hold was kept longer (POST …/extend); null until then. A hold extends once only.
                             */
                            holdExtendedAt: string | null;
                            /** @description Issue 17: the food and drink ordered with the booking (PUT /bookings/{id}/food), null without */
                            food?: {
                                /** Format: uuid */
                                id: string;
                                /**
                                 * @description held with its booking; paid with it; cancelled when the hold went; refunded when nothing is left
                                 * @enum {string}
                                 */
                                status: "held" | "paid" | "cancelled" | "refunded";
                                /** Format: uuid */
                                cinemaId: string;
                                /** @description What the counter scans or types (10 characters); null until the order is paid */
                                pickupCode: string | null;
                                /** @description GET this for the pickup QR (SVG): /concession-orders/{id}/pickup.svg, a guest booking's /guest/bookings/{id}/food/pickup.svg (with its token); null until the order is paid */
                                pickupQrUrl: string | null;
                                items: {
                                    /** Format: uuid */
                                    lineId: string;
                                    /** Format: uuid */
                                    productId: string;
                                    /** Format: uuid */
                                    variantId: string;
                                    /** @description Product and size, in the request language */
                                    name: string;
                                    quantity: number;
                                    unitPrice: {
                                        amount: number;
                                        currency: string;
                                    };
                                    total: {
                                        amount: number;
                                        currency: string;
                                    };
                                    /** @description A combo's choices, one per slot */
                                    choices: {
                                        /** Format: uuid */
                                        slotId: string;
                                        /** Format: uuid */
                                        variantId: string;
                                        name: string;
                                    }[];
                                    /** @description How many were handed over at the counter */
                                    collected: number;
                                    /** @description How many were refunded (never collected) */
                                    refunded: number;
                                }[];
                                total: {
                                    amount: number;
                                    currency: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description When the last line was handed over
                                 */
                                collectedAt: string | null;
                            } | null;
                            tickets?: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                bookingId: string;
                                /** Format: uuid */
                                showtimeId: string;
                                seat: {
                                    /** Format: uuid */
                                    seatId: string;
                                    row: string;
                                    number: number;
                                    /** @enum {string} */
                                    type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                };
                                price: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description Self-signed (Ed25519) ticket code, as in the QR code */
                                code: string;
                                /** @enum {string} */
                                status: "valid" | "used" | "void";
                                /** Format: date-time */
                                checkedInAt: string | null;
                                /** @description The ticket type's code (adult, child, …) */
                                ticketType?: string;
                            }[];
                            refunds?: {
                                /** Format: uuid */
                                id: string;
                                amount: {
                                    amount: number;
                                    currency: string;
                                };
                                giftCardAmount: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @enum {string} */
                                status: "pending" | "succeeded";
                                /** @description customer_cancel, showtime_cancelled, booking_unavailable, late_success or food_refund (food alone) */
                                reason: string;
                                ticketIds: string[];
                                food?: {
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                    lines: {
                                        /** Format: uuid */
                                        lineId: string;
                                        name: string;
                                        quantity: number;
                                        amount: {
                                            amount: number;
                                            currency: string;
                                        };
                                    }[];
                                } | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                completedAt: string | null;
                            }[];
                            /** @description The refund policy cancelling is judged by (confirmed bookings) */
                            refundPolicy?: {
                                /** @description Without tiers: everything back until this many minutes before the start, nothing after */
                                cutoffMinutes: number;
                                tiers?: {
                                    minutesBefore: number;
                                    percent: number;
                                }[];
                                /**
                                 * Format: date-time
                                 * @description The showtime moved after this booking was paid: cancelling gives everything back until then (the new start), whatever the cut-off or tiers say
                                 */
                                fullRefundUntil?: string;
                                /**
                                 * @description Why fullRefundUntil applies: showtime_moved, or at_till (paid at a box office till: refunded there, in full until the start; cancelling online is 409 refund_at_till)
                                 * @enum {string}
                                 */
                                reason?: "showtime_moved" | "at_till";
                            };
                            /** @description What cancelling every valid ticket would refund at `asOf` (confirmed bookings); 0 when the window has closed */
                            refundPreview?: {
                                amount: {
                                    amount: number;
                                    currency: string;
                                };
                                percent: number;
                                /** Format: date-time */
                                asOf: string;
                            };
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/guest/bookings/{id}/tickets.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A guest booking's tickets as a PDF */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/guest/bookings/{id}/tickets/{ticketId}/qr.svg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of a guest booking's tickets as a QR code (SVG) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    ticketId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which payment provider the checkout uses, with its publishable key and Stripe.js address */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            provider: "test_card" | "stripe";
                            publishableKey: string | null;
                            stripeJsUrl: string | null;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bookings/{id}/payment-intents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start paying a held booking with Stripe: a PaymentIntent for what is due, confirmed in the browser
         * @description Asking again answers the same PaymentIntent while the amount due is the same (a new one after a promo code or gift card changed it). Nothing due: settled at once without a provider (provider none, status succeeded). 409 provider_not_client_confirmed with the test card processor; 409 booking_expired / booking_not_payable / payment_in_progress.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            paymentId: string;
                            /** @description stripe; none when nothing was due (settled at once) */
                            provider: string;
                            /** @description For Stripe.js: elements({clientSecret}); null when nothing was due */
                            clientSecret: string | null;
                            publishableKey: string | null;
                            amount: {
                                /** @description Minor units */
                                amount: number;
                                currency: string;
                            };
                            status: "pending" | "succeeded" | "failed" | "refunded";
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bookings/{id}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pay for a held booking: {card} with the test card processor, {paymentIntentId} with Stripe, {} when nothing is due; the same Idempotency-Key replays the first answer and never charges twice
         * @description {} confirms a booking that promo code and gift cards pay in full (payment provider none; a PaymentIntent started before is cancelled); 422 payment_method_required (with due) while something is due. 202 {payment: pending, nextAction} while the PaymentIntent waits for the customer (3-D Secure: redirect to nextAction.redirectUrl) or the provider. 422 card_data_not_accepted: a card while Stripe is the provider. 404 payment_not_found: a PaymentIntent not started for this booking. 402 payment_declined leaves the hold as it was. 409 booking_expired: the hold lapsed; 409 booking_not_payable: already paid (bookingStatus), the showtime was cancelled (reason showtime_cancelled), or the hold was released with DELETE (reason released), before paying or while the card was charged (then refunded: true). 422 companion_requires_accessible: a companion seat whose accessible neighbour is in another booking not paid yet (pay that one first).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        card?: {
                            /** @description Card number; spaces and dashes are ignored */
                            number: string;
                            expMonth: number;
                            /** @description Four digits (two are read as 20YY) */
                            expYear: number;
                            cvc: string;
                        };
                        /** @description A Stripe PaymentIntent started with POST …/payment-intents and confirmed in the browser */
                        paymentIntentId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            payment: {
                                /** Format: uuid */
                                id: string;
                                status: "pending" | "succeeded" | "failed" | "refunded";
                                amount: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                            };
                            booking: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                status: "held" | "confirmed" | "refunded" | "expired" | "cancelled";
                                /** Format: uuid */
                                showtimeId: string;
                                /**
                                 * Format: uuid
                                 * @description The account that holds the booking; null for a guest booking. A till sale carries the cashier's id (its emails go to the address given at the till)
                                 */
                                userId: string | null;
                                seats: {
                                    /** Format: uuid */
                                    seatId: string;
                                    row: string;
                                    number: number;
                                    /** @enum {string} */
                                    type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                    price: {
                                        amount: number;
                                        currency: string;
                                    };
                                    /** @description The ticket type's code (adult, child, …) */
                                    ticketType: string;
                                    /** @description The ticket type's English name */
                                    ticketTypeName: string;
                                }[];
                                total: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description tickets = total (the seats); subtotal = tickets + food; due = subtotal − discount − giftCards, what the payment charges (0: nothing to charge). A promo code discounts tickets only. */
                                priceBreakdown: {
                                    tickets: {
                                        amount: number;
                                        currency: string;
                                    };
                                    food: {
                                        amount: number;
                                        currency: string;
                                    };
                                    subtotal: {
                                        amount: number;
                                        currency: string;
                                    };
                                    /** @description The promo code applied to the booking (POST /bookings/{id}/promo-code), or null */
                                    discount: {
                                        /** @description The promo code as applied (upper case) */
                                        code: string;
                                        amount: {
                                            amount: number;
                                            currency: string;
                                        };
                                    } | null;
                                    giftCards: {
                                        amount: number;
                                        currency: string;
                                    };
                                    due: {
                                        amount: number;
                                        currency: string;
                                    };
                                };
                                /** Format: date-time */
                                expiresAt: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                confirmedAt: string | null;
                                /**
                                 * Format: date-time
                                 * @description When the hold was kept longer (POST …/extend); null until then. A hold extends once only.
                                 */
                                holdExtendedAt: string | null;
                                /** @description Issue 17: the food and drink ordered with the booking (PUT /bookings/{id}/food), null without */
                                food?: {
                                    /** Format: uuid */
                                    id: string;
                                    /**
                                     * @description held with its booking; paid with it; cancelled when the hold went; refunded when nothing is left
                                     * @enum {string}
                                     */
                                    status: "held" | "paid" | "cancelled" | "refunded";
                                    /** Format: uuid */
                                    cinemaId: string;
                                    /** @description What the counter scans or types (10 characters); null until the order is paid */
                                    pickupCode: string | null;
                                    /** @description GET this for the pickup QR (SVG): /concession-orders/{id}/pickup.svg, a guest booking's /guest/bookings/{id}/food/pickup.svg (with its token); null until the order is paid */
                                    pickupQrUrl: string | null;
                                    items: {
                                        /** Format: uuid */
                                        lineId: string;
                                        /** Format: uuid */
                                        productId: string;
                                        /** Format: uuid */
                                        variantId: string;
                                        /** @description Product and size, in the request language */
                                        name: string;
                                        quantity: number;
                                        unitPrice: {
                                            amount: number;
                                            currency: string;
                                        };
                                        total: {
                                            amount: number;
                                            currency: string;
                                        };
                                        /** @description A combo's choices, one per slot */
                                        choices: {
                                            /** Format: uuid */
                                            slotId: string;
                                            /** Format: uuid */
                                            variantId: string;
                                            name: string;
                                        }[];
                                        /** @description How many were handed over at the counter */
                                        collected: number;
                                        /** @description How many were refunded (never collected) */
                                        refunded: number;
                                    }[];
                                    total: {
                                        amount: number;
                                        currency: string;
                                    };
                                    /**
                                     * Format: date-time
                                     * @description When the last line was handed over
                                     */
                                    collectedAt: string | null;
                                } | null;
                                tickets?: {
                                    /** Format: uuid */
                                    id: string;
                                    /** Format: uuid */
                                    bookingId: string;
                                    /** Format: uuid */
                                    showtimeId: string;
                                    seat: {
                                        /** Format: uuid */
                                        seatId: string;
                                        row: string;
                                        number: number;
                                        /** @enum {string} */
                                        type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                    };
                                    price: {
                                        amount: number;
                                        currency: string;
                                    };
                                    /** @description Self-signed (Ed25519) ticket code, as in the QR code */
                                    code: string;
                                    /** @enum {string} */
                                    status: "valid" | "used" | "void";
                                    /** Format: date-time */
                                    checkedInAt: string | null;
                                    /** @description The ticket type's code (adult, child, …) */
                                    ticketType?: string;
                                }[];
                                refunds?: {
                                    /** Format: uuid */
                                    id: string;
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                    giftCardAmount: {
                                        amount: number;
                                        currency: string;
                                    };
                                    /** @enum {string} */
                                    status: "pending" | "succeeded";
                                    /** @description customer_cancel, showtime_cancelled, booking_unavailable, late_success or food_refund (food alone) */
                                    reason: string;
                                    ticketIds: string[];
                                    food?: {
                                        amount: {
                                            amount: number;
                                            currency: string;
                                        };
                                        lines: {
                                            /** Format: uuid */
                                            lineId: string;
                                            name: string;
                                            quantity: number;
                                            amount: {
                                                amount: number;
                                                currency: string;
                                            };
                                        }[];
                                    } | null;
                                    /** Format: date-time */
                                    createdAt: string;
                                    /** Format: date-time */
                                    completedAt: string | null;
                                }[];
                                /** @description The refund policy cancelling is judged by (confirmed bookings) */
                                refundPolicy?: {
                                    /** @description Without tiers: everything back until this many minutes before the start, nothing after */
                                    cutoffMinutes: number;
                                    tiers?: {
                                        minutesBefore: number;
                                        percent: number;
                                    }[];
                                    /**
                                     * Format: date-time
                                     * @description The showtime moved after this booking was paid: cancelling gives everything back until then (the new start), whatever the cut-off or tiers say
                                     */
                                    fullRefundUntil?: string;
                                    /**
                                     * @description Why fullRefundUntil applies: showtime_moved, or at_till (paid at a box office till: refunded there, in full until the start; cancelling online is 409 refund_at_till)
                                     * @enum {string}
                                     */
                                    reason?: "showtime_moved" | "at_till";
                                };
                                /** @description What cancelling every valid ticket would refund at `asOf` (confirmed bookings); 0 when the window has closed */
                                refundPreview?: {
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                    percent: number;
                                    /** Format: date-time */
                                    asOf: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            payment: {
                                /** Format: uuid */
                                id: string;
                                status: "pending" | "succeeded" | "failed" | "refunded";
                                amount: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                            };
                            nextAction: {
                                /** @description Where the customer finishes the payment (3-D Secure, a bank) */
                                redirectUrl: string;
                            } | null;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bookings/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel paid tickets (all when none are named) and refund them by the refund policy
         * @description 409 cancellation_window_closed when the policy gives nothing back. 422 companion_requires_accessible (seatIds: the companion seats) when a customer would keep a companion ticket without the accessible seat next to it: cancel the companion ticket first, or both together. Staff are exempt.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Tickets to cancel; all when omitted */
                        ticketIds?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            status: "held" | "confirmed" | "refunded" | "expired" | "cancelled";
                            /** Format: uuid */
                            showtimeId: string;
                            /**
                             * Format: uuid
                             * @description The account that holds the booking; null for a guest booking. A till sale carries the cashier's id (its emails go to the address given at the till)
                             */
                            userId: string | null;
                            seats: {
                                /** Format: uuid */
                                seatId: string;
                                row: string;
                                number: number;
                                /** @enum {string} */
                                type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                price: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description The ticket type's code (adult, child, …) */
                                ticketType: string;
                                /** @description The ticket type's English name */
                                ticketTypeName: string;
                            }[];
                            total: {
                                amount: number;
                                currency: string;
                            };
                            /** @description tickets = total (the seats); subtotal = tickets + food; due = subtotal − discount − giftCards, what the payment charges (0: nothing to charge). A promo code discounts tickets only. */
                            priceBreakdown: {
                                tickets: {
                                    amount: number;
                                    currency: string;
                                };
                                food: {
                                    amount: number;
                                    currency: string;
                                };
                                subtotal: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description The promo code applied to the booking (POST /bookings/{id}/promo-code), or null */
                                discount: {
                                    /** @description The promo code as applied (upper case) */
                                    code: string;
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                } | null;
                                giftCards: {
                                    amount: number;
                                    currency: string;
                                };
                                due: {
                                    amount: number;
                                    currency: string;
                                };
                            };
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            confirmedAt: string | null;
                            /**
                             * Format: date-time
                             * @description When the hold was kept longer (POST …/extend); null until then. A hold extends once only.
                             */
                            holdExtendedAt: string | null;
                            /** @description Issue 17: the food and drink ordered with the booking (PUT /bookings/{id}/food), null without */
                            food?: {
                                /** Format: uuid */
                                id: string;
                                /**
                                 * @description held with its booking; paid with it; cancelled when the hold went; refunded when nothing is left
                                 * @enum {string}
                                 */
                                status: "held" | "paid" | "cancelled" | "refunded";
                                /** Format: uuid */
                                cinemaId: string;
                                /** @description What the counter scans or types (10 characters); null until the order is paid */
                                pickupCode: string | null;
                                /** @description GET this for the pickup QR (SVG): /concession-orders/{id}/pickup.svg, a guest booking's /guest/bookings/{id}/food/pickup.svg (with its token); null until the order is paid */
                                pickupQrUrl: string | null;
                                items: {
                                    /** Format: uuid */
                                    lineId: string;
                                    /** Format: uuid */
                                    productId: string;
                                    /** Format: uuid */
                                    variantId: string;
                                    /** @description Product and size, in the request language */
                                    name: string;
                                    quantity: number;
                                    unitPrice: {
                                        amount: number;
                                        currency: string;
                                    };
                                    total: {
                                        amount: number;
                                        currency: string;
                                    };
                                    /** @description A combo's choices, one per slot */
                                    choices: {
                                        /** Format: uuid */
                                        slotId: string;
                                        /** Format: uuid */
                                        variantId: string;
                                        name: string;
                                    }[];
                                    /** @description How many were handed over at the counter */
                                    collected: number;
                                    /** @description How many were refunded (never collected) */
                                    refunded: number;
                                }[];
                                total: {
                                    amount: number;
                                    currency: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description When the last line was handed over
                                 */
                                collectedAt: string | null;
                            } | null;
                            tickets?: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                bookingId: string;
                                /** Format: uuid */
                                showtimeId: string;
                                seat: {
                                    /** Format: uuid */
                                    seatId: string;
                                    row: string;
                                    number: number;
                                    /** @enum {string} */
                                    type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                };
                                price: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description Self-signed (Ed25519) ticket code, as in the QR code */
                                code: string;
                                /** @enum {string} */
                                status: "valid" | "used" | "void";
                                /** Format: date-time */
                                checkedInAt: string | null;
                                /** @description The ticket type's code (adult, child, …) */
                                ticketType?: string;
                            }[];
                            refunds?: {
                                /** Format: uuid */
                                id: string;
                                amount: {
                                    amount: number;
                                    currency: string;
                                };
                                giftCardAmount: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @enum {string} */
                                status: "pending" | "succeeded";
                                /** @description customer_cancel, showtime_cancelled, booking_unavailable, late_success or food_refund (food alone) */
                                reason: string;
                                ticketIds: string[];
                                food?: {
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                    lines: {
                                        /** Format: uuid */
                                        lineId: string;
                                        name: string;
                                        quantity: number;
                                        amount: {
                                            amount: number;
                                            currency: string;
                                        };
                                    }[];
                                } | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                completedAt: string | null;
                            }[];
                            /** @description The refund policy cancelling is judged by (confirmed bookings) */
                            refundPolicy?: {
                                /** @description Without tiers: everything back until this many minutes before the start, nothing after */
                                cutoffMinutes: number;
                                tiers?: {
                                    minutesBefore: number;
                                    percent: number;
                                }[];
                                /**
                                 * Format: date-time
                                 * @description The showtime moved after this booking was paid: cancelling gives everything back until then (the new start), whatever the cut-off or tiers say
                                 */
                                fullRefundUntil?: string;
                                /**
                                 * @description Why fullRefundUntil applies: showtime_moved, or at_till (paid at a box office till: refunded there, in full until the start; cancelling online is 409 refund_at_till)
                                 * @enum {string}
                                 */
                                reason?: "showtime_moved" | "at_till";
                            };
                            /** @description What cancelling every valid ticket would refund at `asOf` (confirmed bookings); 0 when the window has closed */
                            refundPreview?: {
                                amount: {
                                    amount: number;
                                    currency: string;
                                };
                                percent: number;
                                /** Format: date-time */
                                asOf: string;
                            };
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/showtimes/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            movieId: string;
                            /** Format: uuid */
                            hallId: string;
                            /** Format: uuid */
                            cinemaId: string;
                            /** Format: date-time */
                            startsAt: string;
                            /**
                             * Format: date-time
                             * @description Start + running time + cleaning buffer
                             */
                            endsAt: string;
                            format: string;
                            language: string | null;
                            subtitles: string | null;
                            prices: {
                                [key: string]: number;
                            };
                            /** @description Prices per ticket type code, then seat type; the default type's entry equals `prices` */
                            ticketPrices: {
                                [key: string]: {
                                    [key: string]: number;
                                };
                            };
                            currency: string;
                            /** @enum {unknown} */
                            status: "scheduled" | "cancelled";
                            /** @description Seats neither sold nor held right now */
                            seatsAvailable: number;
                            /** @description Seats the hall sells (blocked seats excluded), to read seatsAvailable against */
                            capacity: number;
                            movieTitle: string;
                            hallName: string;
                            /** @description The cinema's IANA time zone, for local display */
                            timezone: string;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/webhooks/{provider}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Payment provider events: builtin signed with PAYMENT_WEBHOOK_SECRET (Webhook-Signature: t=…,v1=…), stripe with STRIPE_WEBHOOK_SECRET (Stripe-Signature) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    provider: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            received: boolean;
                            duplicate: boolean;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bookings/{id}/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A booking's tickets */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            bookingId: string;
                            /** Format: uuid */
                            showtimeId: string;
                            seat: {
                                /** Format: uuid */
                                seatId: string;
                                row: string;
                                number: number;
                                /** @enum {string} */
                                type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                            };
                            price: {
                                /** @description Minor units */
                                amount: number;
                                currency: string;
                            };
                            /** @description The ticket type's code (adult, child, …) */
                            ticketType?: string;
                            /** @description Self-signed (Ed25519) ticket code, as in the QR code */
                            code: string;
                            status: "valid" | "used" | "void";
                            checkedInAt: string | null;
                        }[];
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bookings/{id}/tickets.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A booking's tickets as a PDF: one page per ticket with its QR code, times in the cinema's zone
         * @description In the language of `?lang=`, else the best match of Accept-Language (issue 20): words, the movie's title, dates and money.
         */
        get: {
            parameters: {
                query?: {
                    /** @description a6 (default): one A6 page per ticket; thermal: 80 mm wide for a box office printer */
                    format?: "a6" | "thermal";
                    /** @description The PDF's language; without it, the best match of Accept-Language, else 'en' */
                    lang?: "en" | "de" | "fr";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/{id}/qr.svg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A ticket as a QR code (SVG) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/checkins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check a ticket in at the door (staff); a second scan is 409 already_checked_in */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ticket: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                bookingId: string;
                                /** Format: uuid */
                                showtimeId: string;
                                seat: {
                                    /** Format: uuid */
                                    seatId: string;
                                    row: string;
                                    number: number;
                                    /** @enum {string} */
                                    type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                };
                                price: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                                /** @description The ticket type's code (adult, child, …) */
                                ticketType?: string;
                                /** @description Self-signed (Ed25519) ticket code, as in the QR code */
                                code: string;
                                status: "valid" | "used" | "void";
                                checkedInAt: string | null;
                            };
                            /** @description The ticket type and the proof to check */
                            ticketType: {
                                code: string;
                                /** @description English name */
                                name: string;
                                /** @description What to check at the door, e.g. proof of age */
                                rule: string | null;
                            };
                            showtime: {
                                /** Format: uuid */
                                id: string;
                                /** Format: date-time */
                                startsAt: string;
                                /** Format: date-time */
                                endsAt: string;
                                hall: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                };
                                cinema: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                    timezone: string;
                                };
                            };
                            movie: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                                durationMinutes: number | null;
                                ageRating: string | null;
                            };
                            seat: {
                                /** Format: uuid */
                                seatId: string;
                                row: string;
                                number: number;
                                /** @enum {string} */
                                type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                            };
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tickets/signing-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The Ed25519 public key that signs ticket codes, for offline scanners */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            algorithm: "Ed25519";
                            publicKeyPem: string;
                            codeFormat: string;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/showtimes/{id}/seats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who holds or owns each taken seat of a showtime (staff) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            showtimeId: string;
                            /** @description Only seats that are held (not lapsed) or sold; every other seat is free */
                            seats: {
                                /** Format: uuid */
                                seatId: string;
                                row: string;
                                number: number;
                                /** @enum {unknown} */
                                status: "held" | "sold";
                                expiresAt: string | null;
                                /** Format: uuid */
                                bookingId: string;
                                bookingStatus: string;
                                customer: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string | null;
                                    email: string | null;
                                };
                                ticket: {
                                    /** Format: uuid */
                                    id: string;
                                    status: string;
                                    checkedInAt: string | null;
                                } | null;
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/showtimes/{id}/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tickets, check-ins, revenue net of refunds, and what cancelling would refund (staff) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            showtimeId: string;
                            status: string;
                            capacity: number;
                            /** @description Live tickets (not void) */
                            tickets: number;
                            checkedIn: number;
                            gross: {
                                /** @description Minor units */
                                amount: number;
                                currency: string;
                            };
                            refunded: {
                                /** @description Minor units */
                                amount: number;
                                currency: string;
                            };
                            net: {
                                /** @description Minor units */
                                amount: number;
                                currency: string;
                            };
                            /** @description What cancelling this showtime would refund now */
                            refundOnCancel: {
                                bookings: number;
                                customers: number;
                                tickets: number;
                                amount: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                            };
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/sales": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sales per day, movie and showtime over the cinemas' local days from–to (staff)
         * @description The report is one document, not a list in the sense of the contract (limit 1–100, cursor, {items, nextCursor}): its totals, days and movies always cover the whole range. `limit` and `offset` only page its `showtimes` table, by position, so a page can say "showtimes 21–40 of `showtimeCount`"; without `limit` every showtime is listed.
         */
        get: {
            parameters: {
                query: {
                    /** @description The cinema's local calendar day */
                    from: string;
                    /** @description The cinema's local calendar day */
                    to: string;
                    cinemaId?: string;
                    /** @description Showtimes listed at most (default: all); the sums cover the whole range regardless */
                    limit?: number;
                    /** @description Showtimes skipped before the list (default 0) */
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            from: string;
                            to: string;
                            cinemaId: string | null;
                            days: {
                                date: string;
                                showtimes: number;
                                tickets: number;
                                checkedIn: number;
                                gross: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                                refunded: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                                net: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                            }[];
                            movies: {
                                /** Format: uuid */
                                movieId: string;
                                title: string;
                                showtimes: number;
                                tickets: number;
                                checkedIn: number;
                                gross: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                                refunded: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                                net: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                            }[];
                            /** @description One entry per currency */
                            totals: {
                                showtimes: number;
                                tickets: number;
                                checkedIn: number;
                                gross: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                                refunded: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                                net: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                            }[];
                            /** @description Showtimes in the range, whatever limit and offset list */
                            showtimeCount: number;
                            /** @description Live tickets and their prices per ticket type over the range; one entry per currency */
                            byTicketType?: {
                                ticketType: string;
                                name: string;
                                sold: number;
                                revenue: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                            }[];
                            showtimes: {
                                /** Format: uuid */
                                showtimeId: string;
                                /** Format: date-time */
                                startsAt: string;
                                date: string;
                                localTime: string;
                                status: string;
                                /** Format: uuid */
                                movieId: string;
                                movieTitle: string;
                                hallName: string;
                                /** Format: uuid */
                                cinemaId: string;
                                cinemaName: string;
                                capacity: number;
                                tickets: number;
                                checkedIn: number;
                                gross: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                                refunded: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                                net: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/sales.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The per-showtime sales as CSV (RFC 4180, UTF-8, formula-safe) (staff) */
        get: {
            parameters: {
                query: {
                    /** @description The cinema's local calendar day */
                    from: string;
                    /** @description The cinema's local calendar day */
                    to: string;
                    cinemaId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/halls/{id}/price-defaults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A hall's default prices per seat type (staff) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            hallId: string;
                            prices: {
                                [key: string]: number;
                            };
                            currency: string | null;
                            updatedAt: string | null;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Replace a hall's default prices (admin) */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        prices: {
                            /** @description Minor units */
                            standard?: number;
                            /** @description Minor units */
                            vip?: number;
                            /** @description Minor units */
                            accessible?: number;
                            /** @description Minor units */
                            companion?: number;
                        };
                        /** @description ISO 4217 */
                        currency: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            hallId: string;
                            prices: {
                                [key: string]: number;
                            };
                            currency: string | null;
                            updatedAt: string | null;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cinemas/{id}/ticket-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A cinema's ticket types in display order (public) */
        get: {
            parameters: {
                query?: {
                    /** @description Also the deactivated types (the admin console) */
                    includeInactive?: boolean;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                cinemaId: string;
                                /** @description Stable per cinema: adult, child, senior, student, companion, … */
                                code: string;
                                /** @description By language: English required, e.g. {"en": "Adult", "de": "Erwachsene"} */
                                names: {
                                    en: string;
                                } & {
                                    [key: string]: string;
                                };
                                rule: ({
                                    en: string;
                                } & {
                                    [key: string]: string;
                                }) | null;
                                minAge: number | null;
                                maxAge: number | null;
                                /** @description What a hold by seatIds sells; exactly one per cinema */
                                isDefault: boolean;
                                sortOrder: number;
                                active: boolean;
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a ticket type to a cinema (admin)
         * @description 409 ticket_type_exists when the cinema has the code already; 422 when minAge > maxAge.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        /** @description By language: English required, e.g. {"en": "Adult", "de": "Erwachsene"} */
                        names: {
                            en: string;
                        } & {
                            [key: string]: string;
                        };
                        rule?: ({
                            en: string;
                        } & {
                            [key: string]: string;
                        }) | null;
                        minAge?: number | null;
                        maxAge?: number | null;
                        /** @description true makes this the default (the previous one stops being it) */
                        isDefault?: boolean;
                        sortOrder?: number;
                        active?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            cinemaId: string;
                            /** @description Stable per cinema: adult, child, senior, student, companion, … */
                            code: string;
                            /** @description By language: English required, e.g. {"en": "Adult", "de": "Erwachsene"} */
                            names: {
                                en: string;
                            } & {
                                [key: string]: string;
                            };
                            rule: ({
                                en: string;
                            } & {
                                [key: string]: string;
                            }) | null;
                            minAge: number | null;
                            maxAge: number | null;
                            /** @description What a hold by seatIds sells; exactly one per cinema */
                            isDefault: boolean;
                            sortOrder: number;
                            active: boolean;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ticket-types/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Deactivate a ticket type (admin): no new sales; sold tickets keep it
         * @description 409 ticket_type_is_default for the default type.
         */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a ticket type (admin)
         * @description isDefault: true moves the default here. 409 ticket_type_is_default when the default would be deactivated or stop being the default without another taking over.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description By language: English required, e.g. {"en": "Adult", "de": "Erwachsene"} */
                        names?: {
                            en: string;
                        } & {
                            [key: string]: string;
                        };
                        rule?: ({
                            en: string;
                        } & {
                            [key: string]: string;
                        }) | null;
                        minAge?: number | null;
                        maxAge?: number | null;
                        /** @description true makes this the default (the previous one stops being it) */
                        isDefault?: boolean;
                        sortOrder?: number;
                        active?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            cinemaId: string;
                            /** @description Stable per cinema: adult, child, senior, student, companion, … */
                            code: string;
                            /** @description By language: English required, e.g. {"en": "Adult", "de": "Erwachsene"} */
                            names: {
                                en: string;
                            } & {
                                [key: string]: string;
                            };
                            rule: ({
                                en: string;
                            } & {
                                [key: string]: string;
                            }) | null;
                            minAge: number | null;
                            maxAge: number | null;
                            /** @description What a hold by seatIds sells; exactly one per cinema */
                            isDefault: boolean;
                            sortOrder: number;
                            active: boolean;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/cinemas/{id}/price-list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A cinema's default prices per ticket type and seat type (public) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            cinemaId: string;
                            currency: string | null;
                            /** @description Prices per ticket type code, then seat type: {"child": {"standard": 800}} */
                            prices: {
                                [key: string]: {
                                    /** @description Minor units */
                                    standard?: number;
                                    /** @description Minor units */
                                    vip?: number;
                                    /** @description Minor units */
                                    accessible?: number;
                                    /** @description Minor units */
                                    companion?: number;
                                };
                            };
                            updatedAt: string | null;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Replace a cinema's default price list (admin): new showtimes copy it
         * @description 422 ticket_type_unknown for a code that is not one of the cinema's ticket types.
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description ISO 4217 */
                        currency: string;
                        /** @description Prices per ticket type code, then seat type: {"child": {"standard": 800}} */
                        prices: {
                            [key: string]: {
                                /** @description Minor units */
                                standard?: number;
                                /** @description Minor units */
                                vip?: number;
                                /** @description Minor units */
                                accessible?: number;
                                /** @description Minor units */
                                companion?: number;
                            };
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            cinemaId: string;
                            currency: string | null;
                            /** @description Prices per ticket type code, then seat type: {"child": {"standard": 800}} */
                            prices: {
                                [key: string]: {
                                    /** @description Minor units */
                                    standard?: number;
                                    /** @description Minor units */
                                    vip?: number;
                                    /** @description Minor units */
                                    accessible?: number;
                                    /** @description Minor units */
                                    companion?: number;
                                };
                            };
                            updatedAt: string | null;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cinemas/{id}/tills": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A cinema's tills (staff) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                cinemaId: string;
                                name: string;
                                /** @description ISO 4217: the drawer holds this currency only */
                                currency: string;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a named till at a cinema (admin)
         * @description 409 till_name_taken; 404 cinema_not_found.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Unique per cinema */
                        name: string;
                        /** @description ISO 4217; EUR when left out */
                        currency?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            cinemaId: string;
                            name: string;
                            /** @description ISO 4217: the drawer holds this currency only */
                            currency: string;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/till-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Till sessions, newest first, with their reports: staff their own, admins every till's */
        get: {
            parameters: {
                query?: {
                    tillId?: string;
                    status?: "open" | "closed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                tillId: string;
                                tillName: string;
                                /** Format: uuid */
                                cinemaId: string;
                                /** Format: uuid */
                                staffId: string;
                                /** @enum {unknown} */
                                status: "open" | "closed";
                                /** Format: date-time */
                                openedAt: string;
                                closedAt: string | null;
                                /** @description The session's report, summed from its ledger */
                                report: {
                                    float: {
                                        /** @description Minor units */
                                        amount: number;
                                        currency: string;
                                    };
                                    cashSales: {
                                        /** @description Minor units */
                                        amount: number;
                                        currency: string;
                                        /** @description How many ledger lines */
                                        count: number;
                                    };
                                    cashRefunds: {
                                        /** @description Minor units */
                                        amount: number;
                                        currency: string;
                                        /** @description How many ledger lines */
                                        count: number;
                                    };
                                    cardSales: {
                                        /** @description Minor units */
                                        amount: number;
                                        currency: string;
                                        /** @description How many ledger lines */
                                        count: number;
                                    };
                                    cardRefunds: {
                                        /** @description Minor units */
                                        amount: number;
                                        currency: string;
                                        /** @description How many ledger lines */
                                        count: number;
                                    };
                                    /** @description Issue 17: food sold alone (food_sale, both methods; also counted above) */
                                    foodSales: {
                                        /** @description Minor units */
                                        amount: number;
                                        currency: string;
                                        /** @description How many ledger lines */
                                        count: number;
                                    };
                                    /** @description Issue 17: food sold alone and paid back (food_refund, both methods; also counted above) */
                                    foodRefunds: {
                                        /** @description Minor units */
                                        amount: number;
                                        currency: string;
                                        /** @description How many ledger lines */
                                        count: number;
                                    };
                                    /** @description float + cash sales − cash refunds (fixed when the session closed) */
                                    expectedCash: {
                                        amount: number;
                                        currency: string;
                                    };
                                    countedCash: {
                                        /** @description Minor units */
                                        amount: number;
                                        currency: string;
                                    } | null;
                                    difference: {
                                        amount: number;
                                        currency: string;
                                    } | null;
                                };
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Open a session on a till with a float (staff)
         * @description 409 till_already_open: the till, or the caller, has an open session (sessionId: the caller's own).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        tillId: string;
                        /** @description Cash in the drawer at the start, minor units */
                        float: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            tillId: string;
                            tillName: string;
                            /** Format: uuid */
                            cinemaId: string;
                            /** Format: uuid */
                            staffId: string;
                            /** @enum {unknown} */
                            status: "open" | "closed";
                            /** Format: date-time */
                            openedAt: string;
                            closedAt: string | null;
                            /** @description The session's report, summed from its ledger */
                            report: {
                                float: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                                cashSales: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                    /** @description How many ledger lines */
                                    count: number;
                                };
                                cashRefunds: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                    /** @description How many ledger lines */
                                    count: number;
                                };
                                cardSales: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                    /** @description How many ledger lines */
                                    count: number;
                                };
                                cardRefunds: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                    /** @description How many ledger lines */
                                    count: number;
                                };
                                /** @description Issue 17: food sold alone (food_sale, both methods; also counted above) */
                                foodSales: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                    /** @description How many ledger lines */
                                    count: number;
                                };
                                /** @description Issue 17: food sold alone and paid back (food_refund, both methods; also counted above) */
                                foodRefunds: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                    /** @description How many ledger lines */
                                    count: number;
                                };
                                /** @description float + cash sales − cash refunds (fixed when the session closed) */
                                expectedCash: {
                                    amount: number;
                                    currency: string;
                                };
                                countedCash: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                } | null;
                                difference: {
                                    amount: number;
                                    currency: string;
                                } | null;
                            };
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/till-sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A till session with its live report and its ledger of sales and refunds */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            tillId: string;
                            tillName: string;
                            /** Format: uuid */
                            cinemaId: string;
                            /** Format: uuid */
                            staffId: string;
                            /** @enum {unknown} */
                            status: "open" | "closed";
                            /** Format: date-time */
                            openedAt: string;
                            closedAt: string | null;
                            /** @description The session's report, summed from its ledger */
                            report: {
                                float: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                                cashSales: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                    /** @description How many ledger lines */
                                    count: number;
                                };
                                cashRefunds: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                    /** @description How many ledger lines */
                                    count: number;
                                };
                                cardSales: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                    /** @description How many ledger lines */
                                    count: number;
                                };
                                cardRefunds: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                    /** @description How many ledger lines */
                                    count: number;
                                };
                                /** @description Issue 17: food sold alone (food_sale, both methods; also counted above) */
                                foodSales: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                    /** @description How many ledger lines */
                                    count: number;
                                };
                                /** @description Issue 17: food sold alone and paid back (food_refund, both methods; also counted above) */
                                foodRefunds: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                    /** @description How many ledger lines */
                                    count: number;
                                };
                                /** @description float + cash sales − cash refunds (fixed when the session closed) */
                                expectedCash: {
                                    amount: number;
                                    currency: string;
                                };
                                countedCash: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                } | null;
                                difference: {
                                    amount: number;
                                    currency: string;
                                } | null;
                            };
                            movements: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                sessionId: string;
                                /**
                                 * @description gift_card_sale: a gift card sold (no booking); food_sale / food_refund: food sold alone (no booking; concessionOrderId)
                                 * @enum {unknown}
                                 */
                                kind: "sale" | "refund" | "gift_card_sale" | "food_sale" | "food_refund";
                                /** @enum {unknown} */
                                method: "cash" | "card_terminal";
                                bookingId: string | null;
                                showtimeId: string | null;
                                concessionOrderId: string | null;
                                /** @description What the drawer or the terminal took (or paid back) */
                                amount: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                                giftCard: {
                                    /** Format: uuid */
                                    id: string;
                                    amount: {
                                        /** @description Minor units */
                                        amount: number;
                                        currency: string;
                                    };
                                } | null;
                                tendered: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                } | null;
                                change: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                } | null;
                                email: string | null;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/till-sessions/{id}/sales": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sell a booking the cashier holds, for cash or on the card terminal
         * @description 404 booking_not_found: not a booking this staff member holds. 409 till_closed, booking_expired, booking_not_payable. 422 tendered_too_little (cash handed over is less than the total), till_currency_mismatch, till_wrong_cinema (the booking's showtime is at another cinema than this till). The answer has the change due, and the receipt is GET /api/v1/till-sales/{id}/receipt.pdf. giftCard {code}: the card pays first (as POST /api/v1/bookings/{id}/gift-cards, same errors), the method the rest.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description A booking the cashier holds (POST /api/v1/bookings)
                         */
                        bookingId: string;
                        /** @enum {unknown} */
                        method: "cash" | "card_terminal";
                        /** @description Cash handed over (cash only; the total when left out) */
                        tendered?: number;
                        /**
                         * Format: email
                         * @description Where the confirmation goes (optional)
                         */
                        email?: string;
                        /** @description A gift card paying first; the rest by method */
                        giftCard?: {
                            code: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            sessionId: string;
                            /**
                             * @description gift_card_sale: a gift card sold (no booking); food_sale / food_refund: food sold alone (no booking; concessionOrderId)
                             * @enum {unknown}
                             */
                            kind: "sale" | "refund" | "gift_card_sale" | "food_sale" | "food_refund";
                            /** @enum {unknown} */
                            method: "cash" | "card_terminal";
                            bookingId: string | null;
                            showtimeId: string | null;
                            concessionOrderId: string | null;
                            /** @description What the drawer or the terminal took (or paid back) */
                            amount: {
                                /** @description Minor units */
                                amount: number;
                                currency: string;
                            };
                            giftCard: {
                                /** Format: uuid */
                                id: string;
                                amount: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                            } | null;
                            tendered: {
                                /** @description Minor units */
                                amount: number;
                                currency: string;
                            } | null;
                            change: {
                                /** @description Minor units */
                                amount: number;
                                currency: string;
                            } | null;
                            email: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            tickets: {
                                /** Format: uuid */
                                id: string;
                                row: string;
                                number: number;
                                /** @description The ticket type's code the seat was held as */
                                ticketType: string;
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/till-sessions/{id}/gift-cards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sell a gift card for cash or on the card terminal; the answer shows its code once, to print
         * @description 409 till_closed; 422 tendered_too_little. recipientEmail: the card is also emailed there with its code and PDF. The receipt is receiptUrl (GET /api/v1/till-sales/{id}/receipt.pdf, without the code).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Minor units, in the till's currency */
                        amount: number;
                        /** @enum {unknown} */
                        method: "cash" | "card_terminal";
                        /** @description Cash handed over (cash only; the amount when left out) */
                        tendered?: number;
                        /**
                         * Format: email
                         * @description Also email the card with its code and PDF here
                         */
                        recipientEmail?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            giftCard: {
                                /** Format: uuid */
                                id: string;
                                /** @description Shown once: print it for the customer */
                                code: string;
                                last4: string;
                                balance: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                            };
                            sale: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                sessionId: string;
                                /**
                                 * @description gift_card_sale: a gift card sold (no booking); food_sale / food_refund: food sold alone (no booking; concessionOrderId)
                                 * @enum {unknown}
                                 */
                                kind: "sale" | "refund" | "gift_card_sale" | "food_sale" | "food_refund";
                                /** @enum {unknown} */
                                method: "cash" | "card_terminal";
                                bookingId: string | null;
                                showtimeId: string | null;
                                concessionOrderId: string | null;
                                /** @description What the drawer or the terminal took (or paid back) */
                                amount: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                                giftCard: {
                                    /** Format: uuid */
                                    id: string;
                                    amount: {
                                        /** @description Minor units */
                                        amount: number;
                                        currency: string;
                                    };
                                } | null;
                                tendered: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                } | null;
                                change: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                } | null;
                                email: string | null;
                                /** Format: date-time */
                                createdAt: string;
                            };
                            receiptUrl: string;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/till-sessions/{id}/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund tickets of a booking sold at a till (all when none are named), paid back from this drawer
         * @description Tickets are voided and their seats freed as for any refund; the money is paid back by the method of the sale. Staff at the till refund in full until the showtime starts, whatever the customer refund policy (REFUND_CUTOFF_MINUTES, REFUND_POLICY) says; once it has started, 409 cancellation_window_closed. 409 booking_not_sold_at_till, till_closed. 422 till_wrong_cinema (the showtime is at another cinema than this till), till_currency_mismatch (the sale's currency is not this drawer's).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        bookingId: string;
                        /** @description Tickets to refund; all valid ones when left out */
                        ticketIds?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            sessionId: string;
                            /**
                             * @description gift_card_sale: a gift card sold (no booking); food_sale / food_refund: food sold alone (no booking; concessionOrderId)
                             * @enum {unknown}
                             */
                            kind: "sale" | "refund" | "gift_card_sale" | "food_sale" | "food_refund";
                            /** @enum {unknown} */
                            method: "cash" | "card_terminal";
                            bookingId: string | null;
                            showtimeId: string | null;
                            concessionOrderId: string | null;
                            /** @description What the drawer or the terminal took (or paid back) */
                            amount: {
                                /** @description Minor units */
                                amount: number;
                                currency: string;
                            };
                            giftCard: {
                                /** Format: uuid */
                                id: string;
                                amount: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                            } | null;
                            tendered: {
                                /** @description Minor units */
                                amount: number;
                                currency: string;
                            } | null;
                            change: {
                                /** @description Minor units */
                                amount: number;
                                currency: string;
                            } | null;
                            email: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/till-sessions/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close a session with the counted cash: the report shows expected against counted
         * @description 409 till_closed when it is closed already.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Cash counted in the drawer, minor units */
                        countedCash: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            tillId: string;
                            tillName: string;
                            /** Format: uuid */
                            cinemaId: string;
                            /** Format: uuid */
                            staffId: string;
                            /** @enum {unknown} */
                            status: "open" | "closed";
                            /** Format: date-time */
                            openedAt: string;
                            closedAt: string | null;
                            /** @description The session's report, summed from its ledger */
                            report: {
                                float: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                                cashSales: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                    /** @description How many ledger lines */
                                    count: number;
                                };
                                cashRefunds: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                    /** @description How many ledger lines */
                                    count: number;
                                };
                                cardSales: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                    /** @description How many ledger lines */
                                    count: number;
                                };
                                cardRefunds: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                    /** @description How many ledger lines */
                                    count: number;
                                };
                                /** @description Issue 17: food sold alone (food_sale, both methods; also counted above) */
                                foodSales: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                    /** @description How many ledger lines */
                                    count: number;
                                };
                                /** @description Issue 17: food sold alone and paid back (food_refund, both methods; also counted above) */
                                foodRefunds: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                    /** @description How many ledger lines */
                                    count: number;
                                };
                                /** @description float + cash sales − cash refunds (fixed when the session closed) */
                                expectedCash: {
                                    amount: number;
                                    currency: string;
                                };
                                countedCash: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                } | null;
                                difference: {
                                    amount: number;
                                    currency: string;
                                } | null;
                            };
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/till-sales/{id}/receipt.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The receipt of a till sale, 80 mm wide for a thermal printer */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/till-sessions/{id}/food-sales": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sell food and drink without a ticket, for cash or on the card terminal
         * @description The order is paid at once (its pickup code in order.pickupCode; hand it over or let the counter scan it). 409 till_closed, food_out_of_stock (variantIds), concession_currency_mismatch; 422 food_not_on_sale (variantIds), combo_choice_invalid, tendered_too_little. Food with tickets: PUT /api/v1/bookings/{id}/food on the hold, then POST /till-sessions/{id}/sales takes the whole due. Receipt: receiptUrl.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            variantId: string;
                            quantity: number;
                            choices?: {
                                /** Format: uuid */
                                slotId: string;
                                /** Format: uuid */
                                variantId: string;
                            }[];
                        }[];
                        /** @enum {unknown} */
                        method: "cash" | "card_terminal";
                        /** @description Cash handed over (cash only; the total when left out) */
                        tendered?: number;
                        /**
                         * Format: email
                         * @description Kept with the sale
                         */
                        email?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Food and drink ordered with a booking (issue 17), or sold at the till */
                            order: {
                                /** Format: uuid */
                                id: string;
                                /**
                                 * @description held with its booking; paid with it; cancelled when the hold went; refunded when nothing is left
                                 * @enum {string}
                                 */
                                status: "held" | "paid" | "cancelled" | "refunded";
                                /** Format: uuid */
                                cinemaId: string;
                                /** @description What the counter scans or types (10 characters); null until the order is paid */
                                pickupCode: string | null;
                                /** @description GET this for the pickup QR (SVG): /concession-orders/{id}/pickup.svg, a guest booking's /guest/bookings/{id}/food/pickup.svg (with its token); null until the order is paid */
                                pickupQrUrl: string | null;
                                items: {
                                    /** Format: uuid */
                                    lineId: string;
                                    /** Format: uuid */
                                    productId: string;
                                    /** Format: uuid */
                                    variantId: string;
                                    /** @description Product and size, in the request language */
                                    name: string;
                                    quantity: number;
                                    unitPrice: {
                                        amount: number;
                                        currency: string;
                                    };
                                    total: {
                                        amount: number;
                                        currency: string;
                                    };
                                    /** @description A combo's choices, one per slot */
                                    choices: {
                                        /** Format: uuid */
                                        slotId: string;
                                        /** Format: uuid */
                                        variantId: string;
                                        name: string;
                                    }[];
                                    /** @description How many were handed over at the counter */
                                    collected: number;
                                    /** @description How many were refunded (never collected) */
                                    refunded: number;
                                }[];
                                total: {
                                    amount: number;
                                    currency: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description When the last line was handed over
                                 */
                                collectedAt: string | null;
                            };
                            sale: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                sessionId: string;
                                /**
                                 * @description gift_card_sale: a gift card sold (no booking); food_sale / food_refund: food sold alone (no booking; concessionOrderId)
                                 * @enum {unknown}
                                 */
                                kind: "sale" | "refund" | "gift_card_sale" | "food_sale" | "food_refund";
                                /** @enum {unknown} */
                                method: "cash" | "card_terminal";
                                bookingId: string | null;
                                showtimeId: string | null;
                                concessionOrderId: string | null;
                                /** @description What the drawer or the terminal took (or paid back) */
                                amount: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                                giftCard: {
                                    /** Format: uuid */
                                    id: string;
                                    amount: {
                                        /** @description Minor units */
                                        amount: number;
                                        currency: string;
                                    };
                                } | null;
                                tendered: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                } | null;
                                change: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                } | null;
                                email: string | null;
                                /** Format: date-time */
                                createdAt: string;
                            };
                            receiptUrl: string;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/till-sessions/{id}/food-refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pay back food not yet collected of an order sold at a till, from this drawer
         * @description The lines given, or everything left to collect; food sold alone is a food_refund line of the ledger, food of a booking a refund of that booking. 404 concession_order_not_found; 409 booking_not_sold_at_till, already_collected, order_refunded, till_closed; 422 till_wrong_cinema, till_currency_mismatch, unknown_food_lines.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        orderId: string;
                        /** @description The lines (and how many) to give back; without: everything not yet collected */
                        lines?: {
                            /** Format: uuid */
                            lineId: string;
                            quantity: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            sessionId: string;
                            /**
                             * @description gift_card_sale: a gift card sold (no booking); food_sale / food_refund: food sold alone (no booking; concessionOrderId)
                             * @enum {unknown}
                             */
                            kind: "sale" | "refund" | "gift_card_sale" | "food_sale" | "food_refund";
                            /** @enum {unknown} */
                            method: "cash" | "card_terminal";
                            bookingId: string | null;
                            showtimeId: string | null;
                            concessionOrderId: string | null;
                            /** @description What the drawer or the terminal took (or paid back) */
                            amount: {
                                /** @description Minor units */
                                amount: number;
                                currency: string;
                            };
                            giftCard: {
                                /** Format: uuid */
                                id: string;
                                amount: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                            } | null;
                            tendered: {
                                /** @description Minor units */
                                amount: number;
                                currency: string;
                            } | null;
                            change: {
                                /** @description Minor units */
                                amount: number;
                                currency: string;
                            } | null;
                            email: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gift-cards/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Order a gift card (signed in, or as a guest with buyerEmail); pay it next
         * @description amount in a currency of GIFT_CARD_CURRENCIES within its range (EUR 500..50000 minor units), else 422 validation_failed; also 422 without buyerEmail when signed out. A guest order is reached by its id alone (a random UUID).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amount: {
                            /** @description Minor units, within the range of its currency (GIFT_CARD_CURRENCIES; EUR: 5.00 to 500.00) */
                            amount: number;
                            /** @description One the cinemas sell gift cards in (422 otherwise) */
                            currency: string;
                        };
                        /** Format: email */
                        recipientEmail: string;
                        recipientName?: string;
                        message?: string;
                        /**
                         * Format: email
                         * @description Required without an account (the receipt goes there)
                         */
                        buyerEmail?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {unknown} */
                            status: "pending" | "paid" | "issued";
                            amount: {
                                /** @description Minor units */
                                amount: number;
                                currency: string;
                            };
                            recipientEmail: string;
                            recipientName: string | null;
                            message: string | null;
                            buyerEmail: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            paidAt: string | null;
                            giftCard: {
                                /** Format: uuid */
                                id: string;
                                last4: string;
                                balance: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                            } | null;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gift-cards/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A gift card order; once paid, status issued and the card's id, last four and balance
         * @description 404 gift_card_order_not_found (also for another account's order).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {unknown} */
                            status: "pending" | "paid" | "issued";
                            amount: {
                                /** @description Minor units */
                                amount: number;
                                currency: string;
                            };
                            recipientEmail: string;
                            recipientName: string | null;
                            message: string | null;
                            buyerEmail: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            paidAt: string | null;
                            giftCard: {
                                /** Format: uuid */
                                id: string;
                                last4: string;
                                balance: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                            } | null;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gift-cards/orders/{id}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pay a gift card order: the card is issued and emailed to the recipient with its code
         * @description {card} with the built-in test processor (402 payment_declined), {paymentIntentId} with Stripe (202 while the PaymentIntent still needs action). 409 gift_card_order_not_payable once paid.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            /** @description {card} with the built-in test processor; {paymentIntentId} with Stripe */
            requestBody: {
                content: {
                    "application/json": {
                        card: {
                            /** @description Card number; spaces and dashes are ignored */
                            number: string;
                            expMonth: number;
                            /** @description Four digits (two are read as 20YY) */
                            expYear: number;
                            cvc: string;
                        };
                    } | {
                        /** @description A Stripe PaymentIntent started with POST …/payment-intents and confirmed in the browser */
                        paymentIntentId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            payment: {
                                /** Format: uuid */
                                id?: string;
                                status: string;
                                amount?: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                            };
                            nextAction?: {
                                redirectUrl?: string;
                            } | null;
                            order: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {unknown} */
                                status: "pending" | "paid" | "issued";
                                amount: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                                recipientEmail: string;
                                recipientName: string | null;
                                message: string | null;
                                buyerEmail: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                paidAt: string | null;
                                giftCard: {
                                    /** Format: uuid */
                                    id: string;
                                    last4: string;
                                    balance: {
                                        /** @description Minor units */
                                        amount: number;
                                        currency: string;
                                    };
                                } | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            payment: {
                                /** Format: uuid */
                                id?: string;
                                status: string;
                                amount?: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                            };
                            nextAction?: {
                                redirectUrl?: string;
                            } | null;
                            order: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {unknown} */
                                status: "pending" | "paid" | "issued";
                                amount: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                                recipientEmail: string;
                                recipientName: string | null;
                                message: string | null;
                                buyerEmail: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                paidAt: string | null;
                                giftCard: {
                                    /** Format: uuid */
                                    id: string;
                                    last4: string;
                                    balance: {
                                        /** @description Minor units */
                                        amount: number;
                                        currency: string;
                                    };
                                } | null;
                            };
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gift-cards/orders/{id}/payment-intents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a client-confirmed payment (Stripe PaymentIntent) for a gift card order
         * @description 409 provider_not_client_confirmed with the test processor; 409 gift_card_order_not_payable once paid.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            paymentId: string;
                            /** @description stripe; none when nothing was due (settled at once) */
                            provider: string;
                            /** @description For Stripe.js: elements({clientSecret}); null when nothing was due */
                            clientSecret: string | null;
                            publishableKey: string | null;
                            amount: {
                                /** @description Minor units */
                                amount: number;
                                currency: string;
                            };
                            status: "pending" | "succeeded" | "failed" | "refunded";
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gift-cards/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A gift card's balance by its code
         * @description 404 gift_card_not_found for any code that is not a card. 429 rate_limited past 20 look-ups a minute, or 10 unknown codes in 15 minutes, per account (signed out: per client network).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description XXXX-XXXX-XXXX-XXXX-XXXX */
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            last4: string;
                            balance: {
                                /** @description Minor units */
                                amount: number;
                                currency: string;
                            };
                            expiresAt: string | null;
                            /** @enum {unknown} */
                            status: "active" | "void" | "expired";
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gift-cards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Gift cards, newest first (staff); q: the last four characters of a code */
        get: {
            parameters: {
                query?: {
                    /** @description The last four characters of the code */
                    q?: string;
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                last4: string;
                                initial: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                                balance: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                                /** @enum {unknown} */
                                status: "active" | "void" | "expired";
                                /** @enum {unknown} */
                                channel: "online" | "till";
                                orderId: string | null;
                                cinemaId: string | null;
                                tillSessionId: string | null;
                                recipientEmail: string | null;
                                expiresAt: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                voidedAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gift-cards/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A gift card with its ledger (staff)
         * @description 404 gift_card_not_found.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            last4: string;
                            initial: {
                                /** @description Minor units */
                                amount: number;
                                currency: string;
                            };
                            balance: {
                                /** @description Minor units */
                                amount: number;
                                currency: string;
                            };
                            /** @enum {unknown} */
                            status: "active" | "void" | "expired";
                            /** @enum {unknown} */
                            channel: "online" | "till";
                            orderId: string | null;
                            cinemaId: string | null;
                            tillSessionId: string | null;
                            recipientEmail: string | null;
                            expiresAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            voidedAt: string | null;
                            ledger: {
                                /** @enum {unknown} */
                                kind: "issue" | "redeem" | "release" | "refund" | "void";
                                /** @description Minor units, signed: negative took from the card */
                                amount: number;
                                balanceAfter: number;
                                bookingId: string | null;
                                tillSessionId: string | null;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            /** @description Refunds that came back after the card was voided: owed or paid out */
                            payouts: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                giftCardId: string;
                                last4: string;
                                /** Format: uuid */
                                bookingId: string;
                                amount: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                                /** Format: date-time */
                                createdAt: string;
                                paidAt: string | null;
                                paidBy: string | null;
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gift-cards/{id}/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Void a gift card (admin): its balance goes to 0 and it can no longer be used
         * @description 404 gift_card_not_found; 409 gift_card_void when it is void already.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            last4: string;
                            initial: {
                                /** @description Minor units */
                                amount: number;
                                currency: string;
                            };
                            balance: {
                                /** @description Minor units */
                                amount: number;
                                currency: string;
                            };
                            /** @enum {unknown} */
                            status: "active" | "void" | "expired";
                            /** @enum {unknown} */
                            channel: "online" | "till";
                            orderId: string | null;
                            cinemaId: string | null;
                            tillSessionId: string | null;
                            recipientEmail: string | null;
                            expiresAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            voidedAt: string | null;
                            ledger: {
                                /** @enum {unknown} */
                                kind: "issue" | "redeem" | "release" | "refund" | "void";
                                /** @description Minor units, signed: negative took from the card */
                                amount: number;
                                balanceAfter: number;
                                bookingId: string | null;
                                tillSessionId: string | null;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            /** @description Refunds that came back after the card was voided: owed or paid out */
                            payouts: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                giftCardId: string;
                                last4: string;
                                /** Format: uuid */
                                bookingId: string;
                                amount: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                                /** Format: date-time */
                                createdAt: string;
                                paidAt: string | null;
                                paidBy: string | null;
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gift-card-payouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Refunds owed to customers whose gift card was void (staff): to pay out by hand */
        get: {
            parameters: {
                query?: {
                    /** @description owed (default, oldest first) or paid (newest first); 200 at most */
                    status?: "owed" | "paid";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                giftCardId: string;
                                last4: string;
                                /** Format: uuid */
                                bookingId: string;
                                amount: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                                /** Format: date-time */
                                createdAt: string;
                                paidAt: string | null;
                                paidBy: string | null;
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gift-card-payouts/{id}/paid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark a gift card payout paid out (admin)
         * @description 404 gift_card_payout_not_found; 409 gift_card_payout_paid when it is marked paid already.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            giftCardId: string;
                            last4: string;
                            /** Format: uuid */
                            bookingId: string;
                            amount: {
                                /** @description Minor units */
                                amount: number;
                                currency: string;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            paidAt: string | null;
                            paidBy: string | null;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bookings/{id}/gift-cards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pay part of a held booking with a gift card
         * @description Spends min(balance, due, amount) of the card on the booking at once; several cards may pay one booking, and what is left is paid as usual (due in priceBreakdown; due 0 is paid without a card). Given back when the hold is released or expires, or with DELETE. 404 gift_card_not_found (unknown, void or expired code; guesses limited as for the balance, 429 rate_limited); 409 gift_card_empty, gift_card_currency_mismatch, gift_card_nothing_due; 409 booking_expired / booking_not_payable.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The gift card code */
                        code: string;
                        /** @description At most this much (minor units); default all it can pay */
                        amount?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            status: "held" | "confirmed" | "refunded" | "expired" | "cancelled";
                            /** Format: uuid */
                            showtimeId: string;
                            /**
                             * Format: uuid
                             * @description The account that holds the booking; null for a guest booking. A till sale carries the cashier's id (its emails go to the address given at the till)
                             */
                            userId: string | null;
                            seats: {
                                /** Format: uuid */
                                seatId: string;
                                row: string;
                                number: number;
                                /** @enum {string} */
                                type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                price: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description The ticket type's code (adult, child, …) */
                                ticketType: string;
                                /** @description The ticket type's English name */
                                ticketTypeName: string;
                            }[];
                            total: {
                                amount: number;
                                currency: string;
                            };
                            /** @description tickets = total (the seats); subtotal = tickets + food; due = subtotal − discount − giftCards, what the payment charges (0: nothing to charge). A promo code discounts tickets only. */
                            priceBreakdown: {
                                tickets: {
                                    amount: number;
                                    currency: string;
                                };
                                food: {
                                    amount: number;
                                    currency: string;
                                };
                                subtotal: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description The promo code applied to the booking (POST /bookings/{id}/promo-code), or null */
                                discount: {
                                    /** @description The promo code as applied (upper case) */
                                    code: string;
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                } | null;
                                giftCards: {
                                    amount: number;
                                    currency: string;
                                };
                                due: {
                                    amount: number;
                                    currency: string;
                                };
                            };
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            confirmedAt: string | null;
                            /**
                             * Format: date-time
                             * @description When the hold was kept longer (POST …/extend); null until then. A hold extends once only.
                             */
                            holdExtendedAt: string | null;
                            /** @description Issue 17: the food and drink ordered with the booking (PUT /bookings/{id}/food), null without */
                            food?: {
                                /** Format: uuid */
                                id: string;
                                /**
                                 * @description held with its booking; paid with it; cancelled when the hold went; refunded when nothing is left
                                 * @enum {string}
                                 */
                                status: "held" | "paid" | "cancelled" | "refunded";
                                /** Format: uuid */
                                cinemaId: string;
                                /** @description What the counter scans or types (10 characters); null until the order is paid */
                                pickupCode: string | null;
                                /** @description GET this for the pickup QR (SVG): /concession-orders/{id}/pickup.svg, a guest booking's /guest/bookings/{id}/food/pickup.svg (with its token); null until the order is paid */
                                pickupQrUrl: string | null;
                                items: {
                                    /** Format: uuid */
                                    lineId: string;
                                    /** Format: uuid */
                                    productId: string;
                                    /** Format: uuid */
                                    variantId: string;
                                    /** @description Product and size, in the request language */
                                    name: string;
                                    quantity: number;
                                    unitPrice: {
                                        amount: number;
                                        currency: string;
                                    };
                                    total: {
                                        amount: number;
                                        currency: string;
                                    };
                                    /** @description A combo's choices, one per slot */
                                    choices: {
                                        /** Format: uuid */
                                        slotId: string;
                                        /** Format: uuid */
                                        variantId: string;
                                        name: string;
                                    }[];
                                    /** @description How many were handed over at the counter */
                                    collected: number;
                                    /** @description How many were refunded (never collected) */
                                    refunded: number;
                                }[];
                                total: {
                                    amount: number;
                                    currency: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description When the last line was handed over
                                 */
                                collectedAt: string | null;
                            } | null;
                            tickets?: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                bookingId: string;
                                /** Format: uuid */
                                showtimeId: string;
                                seat: {
                                    /** Format: uuid */
                                    seatId: string;
                                    row: string;
                                    number: number;
                                    /** @enum {string} */
                                    type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                };
                                price: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description Self-signed (Ed25519) ticket code, as in the QR code */
                                code: string;
                                /** @enum {string} */
                                status: "valid" | "used" | "void";
                                /** Format: date-time */
                                checkedInAt: string | null;
                                /** @description The ticket type's code (adult, child, …) */
                                ticketType?: string;
                            }[];
                            refunds?: {
                                /** Format: uuid */
                                id: string;
                                amount: {
                                    amount: number;
                                    currency: string;
                                };
                                giftCardAmount: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @enum {string} */
                                status: "pending" | "succeeded";
                                /** @description customer_cancel, showtime_cancelled, booking_unavailable, late_success or food_refund (food alone) */
                                reason: string;
                                ticketIds: string[];
                                food?: {
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                    lines: {
                                        /** Format: uuid */
                                        lineId: string;
                                        name: string;
                                        quantity: number;
                                        amount: {
                                            amount: number;
                                            currency: string;
                                        };
                                    }[];
                                } | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                completedAt: string | null;
                            }[];
                            /** @description The refund policy cancelling is judged by (confirmed bookings) */
                            refundPolicy?: {
                                /** @description Without tiers: everything back until this many minutes before the start, nothing after */
                                cutoffMinutes: number;
                                tiers?: {
                                    minutesBefore: number;
                                    percent: number;
                                }[];
                                /**
                                 * Format: date-time
                                 * @description The showtime moved after this booking was paid: cancelling gives everything back until then (the new start), whatever the cut-off or tiers say
                                 */
                                fullRefundUntil?: string;
                                /**
                                 * @description Why fullRefundUntil applies: showtime_moved, or at_till (paid at a box office till: refunded there, in full until the start; cancelling online is 409 refund_at_till)
                                 * @enum {string}
                                 */
                                reason?: "showtime_moved" | "at_till";
                            };
                            /** @description What cancelling every valid ticket would refund at `asOf` (confirmed bookings); 0 when the window has closed */
                            refundPreview?: {
                                amount: {
                                    amount: number;
                                    currency: string;
                                };
                                percent: number;
                                /** Format: date-time */
                                asOf: string;
                            };
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Give the gift card money of a held booking back to its cards
         * @description 409 booking_expired / booking_not_payable unless the booking is still held.
         */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            status: "held" | "confirmed" | "refunded" | "expired" | "cancelled";
                            /** Format: uuid */
                            showtimeId: string;
                            /**
                             * Format: uuid
                             * @description The account that holds the booking; null for a guest booking. A till sale carries the cashier's id (its emails go to the address given at the till)
                             */
                            userId: string | null;
                            seats: {
                                /** Format: uuid */
                                seatId: string;
                                row: string;
                                number: number;
                                /** @enum {string} */
                                type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                price: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description The ticket type's code (adult, child, …) */
                                ticketType: string;
                                /** @description The ticket type's English name */
                                ticketTypeName: string;
                            }[];
                            total: {
                                amount: number;
                                currency: string;
                            };
                            /** @description tickets = total (the seats); subtotal = tickets + food; due = subtotal − discount − giftCards, what the payment charges (0: nothing to charge). A promo code discounts tickets only. */
                            priceBreakdown: {
                                tickets: {
                                    amount: number;
                                    currency: string;
                                };
                                food: {
                                    amount: number;
                                    currency: string;
                                };
                                subtotal: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description The promo code applied to the booking (POST /bookings/{id}/promo-code), or null */
                                discount: {
                                    /** @description The promo code as applied (upper case) */
                                    code: string;
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                } | null;
                                giftCards: {
                                    amount: number;
                                    currency: string;
                                };
                                due: {
                                    amount: number;
                                    currency: string;
                                };
                            };
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            confirmedAt: string | null;
                            /**
                             * Format: date-time
                             * @description When the hold was kept longer (POST …/extend); null until then. A hold extends once only.
                             */
                            holdExtendedAt: string | null;
                            /** @description Issue 17: the food and drink ordered with the booking (PUT /bookings/{id}/food), null without */
                            food?: {
                                /** Format: uuid */
                                id: string;
                                /**
                                 * @description held with its booking; paid with it; cancelled when the hold went; refunded when nothing is left
                                 * @enum {string}
                                 */
                                status: "held" | "paid" | "cancelled" | "refunded";
                                /** Format: uuid */
                                cinemaId: string;
                                /** @description What the counter scans or types (10 characters); null until the order is paid */
                                pickupCode: string | null;
                                /** @description GET this for the pickup QR (SVG): /concession-orders/{id}/pickup.svg, a guest booking's /guest/bookings/{id}/food/pickup.svg (with its token); null until the order is paid */
                                pickupQrUrl: string | null;
                                items: {
                                    /** Format: uuid */
                                    lineId: string;
                                    /** Format: uuid */
                                    productId: string;
                                    /** Format: uuid */
                                    variantId: string;
                                    /** @description Product and size, in the request language */
                                    name: string;
                                    quantity: number;
                                    unitPrice: {
                                        amount: number;
                                        currency: string;
                                    };
                                    total: {
                                        amount: number;
                                        currency: string;
                                    };
                                    /** @description A combo's choices, one per slot */
                                    choices: {
                                        /** Format: uuid */
                                        slotId: string;
                                        /** Format: uuid */
                                        variantId: string;
                                        name: string;
                                    }[];
                                    /** @description How many were handed over at the counter */
                                    collected: number;
                                    /** @description How many were refunded (never collected) */
                                    refunded: number;
                                }[];
                                total: {
                                    amount: number;
                                    currency: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description When the last line was handed over
                                 */
                                collectedAt: string | null;
                            } | null;
                            tickets?: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                bookingId: string;
                                /** Format: uuid */
                                showtimeId: string;
                                seat: {
                                    /** Format: uuid */
                                    seatId: string;
                                    row: string;
                                    number: number;
                                    /** @enum {string} */
                                    type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                };
                                price: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description Self-signed (Ed25519) ticket code, as in the QR code */
                                code: string;
                                /** @enum {string} */
                                status: "valid" | "used" | "void";
                                /** Format: date-time */
                                checkedInAt: string | null;
                                /** @description The ticket type's code (adult, child, …) */
                                ticketType?: string;
                            }[];
                            refunds?: {
                                /** Format: uuid */
                                id: string;
                                amount: {
                                    amount: number;
                                    currency: string;
                                };
                                giftCardAmount: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @enum {string} */
                                status: "pending" | "succeeded";
                                /** @description customer_cancel, showtime_cancelled, booking_unavailable, late_success or food_refund (food alone) */
                                reason: string;
                                ticketIds: string[];
                                food?: {
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                    lines: {
                                        /** Format: uuid */
                                        lineId: string;
                                        name: string;
                                        quantity: number;
                                        amount: {
                                            amount: number;
                                            currency: string;
                                        };
                                    }[];
                                } | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                completedAt: string | null;
                            }[];
                            /** @description The refund policy cancelling is judged by (confirmed bookings) */
                            refundPolicy?: {
                                /** @description Without tiers: everything back until this many minutes before the start, nothing after */
                                cutoffMinutes: number;
                                tiers?: {
                                    minutesBefore: number;
                                    percent: number;
                                }[];
                                /**
                                 * Format: date-time
                                 * @description The showtime moved after this booking was paid: cancelling gives everything back until then (the new start), whatever the cut-off or tiers say
                                 */
                                fullRefundUntil?: string;
                                /**
                                 * @description Why fullRefundUntil applies: showtime_moved, or at_till (paid at a box office till: refunded there, in full until the start; cancelling online is 409 refund_at_till)
                                 * @enum {string}
                                 */
                                reason?: "showtime_moved" | "at_till";
                            };
                            /** @description What cancelling every valid ticket would refund at `asOf` (confirmed bookings); 0 when the window has closed */
                            refundPreview?: {
                                amount: {
                                    amount: number;
                                    currency: string;
                                };
                                percent: number;
                                /** Format: date-time */
                                asOf: string;
                            };
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/guest/bookings/{id}/gift-cards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pay part of a held guest booking with a gift card
         * @description Spends min(balance, due, amount) of the card on the booking at once; several cards may pay one booking, and what is left is paid as usual (due in priceBreakdown; due 0 is paid without a card). Given back when the hold is released or expires, or with DELETE. 404 gift_card_not_found (unknown, void or expired code; guesses limited as for the balance, 429 rate_limited); 409 gift_card_empty, gift_card_currency_mismatch, gift_card_nothing_due; 409 booking_expired / booking_not_payable.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The gift card code */
                        code: string;
                        /** @description At most this much (minor units); default all it can pay */
                        amount?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            status: "held" | "confirmed" | "refunded" | "expired" | "cancelled";
                            /** Format: uuid */
                            showtimeId: string;
                            /**
                             * Format: uuid
                             * @description The account that holds the booking; null for a guest booking. A till sale carries the cashier's id (its emails go to the address given at the till)
                             */
                            userId: string | null;
                            seats: {
                                /** Format: uuid */
                                seatId: string;
                                row: string;
                                number: number;
                                /** @enum {string} */
                                type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                price: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description The ticket type's code (adult, child, …) */
                                ticketType: string;
                                /** @description The ticket type's English name */
                                ticketTypeName: string;
                            }[];
                            total: {
                                amount: number;
                                currency: string;
                            };
                            /** @description tickets = total (the seats); subtotal = tickets + food; due = subtotal − discount − giftCards, what the payment charges (0: nothing to charge). A promo code discounts tickets only. */
                            priceBreakdown: {
                                tickets: {
                                    amount: number;
                                    currency: string;
                                };
                                food: {
                                    amount: number;
                                    currency: string;
                                };
                                subtotal: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description The promo code applied to the booking (POST /bookings/{id}/promo-code), or null */
                                discount: {
                                    /** @description The promo code as applied (upper case) */
                                    code: string;
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                } | null;
                                giftCards: {
                                    amount: number;
                                    currency: string;
                                };
                                due: {
                                    amount: number;
                                    currency: string;
                                };
                            };
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            confirmedAt: string | null;
                            /**
                             * Format: date-time
                             * @description When the hold was kept longer (POST …/extend); null until then. A hold extends once only.
                             */
                            holdExtendedAt: string | null;
                            /** @description Issue 17: the food and drink ordered with the booking (PUT /bookings/{id}/food), null without */
                            food?: {
                                /** Format: uuid */
                                id: string;
                                /**
                                 * @description held with its booking; paid with it; cancelled when the hold went; refunded when nothing is left
                                 * @enum {string}
                                 */
                                status: "held" | "paid" | "cancelled" | "refunded";
                                /** Format: uuid */
                                cinemaId: string;
                                /** @description What the counter scans or types (10 characters); null until the order is paid */
                                pickupCode: string | null;
                                /** @description GET this for the pickup QR (SVG): /concession-orders/{id}/pickup.svg, a guest booking's /guest/bookings/{id}/food/pickup.svg (with its token); null until the order is paid */
                                pickupQrUrl: string | null;
                                items: {
                                    /** Format: uuid */
                                    lineId: string;
                                    /** Format: uuid */
                                    productId: string;
                                    /** Format: uuid */
                                    variantId: string;
                                    /** @description Product and size, in the request language */
                                    name: string;
                                    quantity: number;
                                    unitPrice: {
                                        amount: number;
                                        currency: string;
                                    };
                                    total: {
                                        amount: number;
                                        currency: string;
                                    };
                                    /** @description A combo's choices, one per slot */
                                    choices: {
                                        /** Format: uuid */
                                        slotId: string;
                                        /** Format: uuid */
                                        variantId: string;
                                        name: string;
                                    }[];
                                    /** @description How many were handed over at the counter */
                                    collected: number;
                                    /** @description How many were refunded (never collected) */
                                    refunded: number;
                                }[];
                                total: {
                                    amount: number;
                                    currency: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description When the last line was handed over
                                 */
                                collectedAt: string | null;
                            } | null;
                            tickets?: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                bookingId: string;
                                /** Format: uuid */
                                showtimeId: string;
                                seat: {
                                    /** Format: uuid */
                                    seatId: string;
                                    row: string;
                                    number: number;
                                    /** @enum {string} */
                                    type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                };
                                price: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description Self-signed (Ed25519) ticket code, as in the QR code */
                                code: string;
                                /** @enum {string} */
                                status: "valid" | "used" | "void";
                                /** Format: date-time */
                                checkedInAt: string | null;
                                /** @description The ticket type's code (adult, child, …) */
                                ticketType?: string;
                            }[];
                            refunds?: {
                                /** Format: uuid */
                                id: string;
                                amount: {
                                    amount: number;
                                    currency: string;
                                };
                                giftCardAmount: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @enum {string} */
                                status: "pending" | "succeeded";
                                /** @description customer_cancel, showtime_cancelled, booking_unavailable, late_success or food_refund (food alone) */
                                reason: string;
                                ticketIds: string[];
                                food?: {
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                    lines: {
                                        /** Format: uuid */
                                        lineId: string;
                                        name: string;
                                        quantity: number;
                                        amount: {
                                            amount: number;
                                            currency: string;
                                        };
                                    }[];
                                } | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                completedAt: string | null;
                            }[];
                            /** @description The refund policy cancelling is judged by (confirmed bookings) */
                            refundPolicy?: {
                                /** @description Without tiers: everything back until this many minutes before the start, nothing after */
                                cutoffMinutes: number;
                                tiers?: {
                                    minutesBefore: number;
                                    percent: number;
                                }[];
                                /**
                                 * Format: date-time
                                 * @description The showtime moved after this booking was paid: cancelling gives everything back until then (the new start), whatever the cut-off or tiers say
                                 */
                                fullRefundUntil?: string;
                                /**
                                 * @description Why fullRefundUntil applies: showtime_moved, or at_till (paid at a box office till: refunded there, in full until the start; cancelling online is 409 refund_at_till)
                                 * @enum {string}
                                 */
                                reason?: "showtime_moved" | "at_till";
                            };
                            /** @description What cancelling every valid ticket would refund at `asOf` (confirmed bookings); 0 when the window has closed */
                            refundPreview?: {
                                amount: {
                                    amount: number;
                                    currency: string;
                                };
                                percent: number;
                                /** Format: date-time */
                                asOf: string;
                            };
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Give the gift card money of a held booking back to its cards
         * @description 409 booking_expired / booking_not_payable unless the booking is still held.
         */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            status: "held" | "confirmed" | "refunded" | "expired" | "cancelled";
                            /** Format: uuid */
                            showtimeId: string;
                            /**
                             * Format: uuid
                             * @description The account that holds the booking; null for a guest booking. A till sale carries the cashier's id (its emails go to the address given at the till)
                             */
                            userId: string | null;
                            seats: {
                                /** Format: uuid */
                                seatId: string;
                                row: string;
                                number: number;
                                /** @enum {string} */
                                type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                price: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description The ticket type's code (adult, child, …) */
                                ticketType: string;
                                /** @description The ticket type's English name */
                                ticketTypeName: string;
                            }[];
                            total: {
                                amount: number;
                                currency: string;
                            };
                            /** @description tickets = total (the seats); subtotal = tickets + food; due = subtotal − discount − giftCards, what the payment charges (0: nothing to charge). A promo code discounts tickets only. */
                            priceBreakdown: {
                                tickets: {
                                    amount: number;
                                    currency: string;
                                };
                                food: {
                                    amount: number;
                                    currency: string;
                                };
                                subtotal: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description The promo code applied to the booking (POST /bookings/{id}/promo-code), or null */
                                discount: {
                                    /** @description The promo code as applied (upper case) */
                                    code: string;
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                } | null;
                                giftCards: {
                                    amount: number;
                                    currency: string;
                                };
                                due: {
                                    amount: number;
                                    currency: string;
                                };
                            };
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            confirmedAt: string | null;
                            /**
                             * Format: date-time
                             * @description When the hold was kept longer (POST …/extend); null until then. A hold extends once only.
                             */
                            holdExtendedAt: string | null;
                            /** @description Issue 17: the food and drink ordered with the booking (PUT /bookings/{id}/food), null without */
                            food?: {
                                /** Format: uuid */
                                id: string;
                                /**
                                 * @description held with its booking; paid with it; cancelled when the hold went; refunded when nothing is left
                                 * @enum {string}
                                 */
                                status: "held" | "paid" | "cancelled" | "refunded";
                                /** Format: uuid */
                                cinemaId: string;
                                /** @description What the counter scans or types (10 characters); null until the order is paid */
                                pickupCode: string | null;
                                /** @description GET this for the pickup QR (SVG): /concession-orders/{id}/pickup.svg, a guest booking's /guest/bookings/{id}/food/pickup.svg (with its token); null until the order is paid */
                                pickupQrUrl: string | null;
                                items: {
                                    /** Format: uuid */
                                    lineId: string;
                                    /** Format: uuid */
                                    productId: string;
                                    /** Format: uuid */
                                    variantId: string;
                                    /** @description Product and size, in the request language */
                                    name: string;
                                    quantity: number;
                                    unitPrice: {
                                        amount: number;
                                        currency: string;
                                    };
                                    total: {
                                        amount: number;
                                        currency: string;
                                    };
                                    /** @description A combo's choices, one per slot */
                                    choices: {
                                        /** Format: uuid */
                                        slotId: string;
                                        /** Format: uuid */
                                        variantId: string;
                                        name: string;
                                    }[];
                                    /** @description How many were handed over at the counter */
                                    collected: number;
                                    /** @description How many were refunded (never collected) */
                                    refunded: number;
                                }[];
                                total: {
                                    amount: number;
                                    currency: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description When the last line was handed over
                                 */
                                collectedAt: string | null;
                            } | null;
                            tickets?: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                bookingId: string;
                                /** Format: uuid */
                                showtimeId: string;
                                seat: {
                                    /** Format: uuid */
                                    seatId: string;
                                    row: string;
                                    number: number;
                                    /** @enum {string} */
                                    type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                };
                                price: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description Self-signed (Ed25519) ticket code, as in the QR code */
                                code: string;
                                /** @enum {string} */
                                status: "valid" | "used" | "void";
                                /** Format: date-time */
                                checkedInAt: string | null;
                                /** @description The ticket type's code (adult, child, …) */
                                ticketType?: string;
                            }[];
                            refunds?: {
                                /** Format: uuid */
                                id: string;
                                amount: {
                                    amount: number;
                                    currency: string;
                                };
                                giftCardAmount: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @enum {string} */
                                status: "pending" | "succeeded";
                                /** @description customer_cancel, showtime_cancelled, booking_unavailable, late_success or food_refund (food alone) */
                                reason: string;
                                ticketIds: string[];
                                food?: {
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                    lines: {
                                        /** Format: uuid */
                                        lineId: string;
                                        name: string;
                                        quantity: number;
                                        amount: {
                                            amount: number;
                                            currency: string;
                                        };
                                    }[];
                                } | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                completedAt: string | null;
                            }[];
                            /** @description The refund policy cancelling is judged by (confirmed bookings) */
                            refundPolicy?: {
                                /** @description Without tiers: everything back until this many minutes before the start, nothing after */
                                cutoffMinutes: number;
                                tiers?: {
                                    minutesBefore: number;
                                    percent: number;
                                }[];
                                /**
                                 * Format: date-time
                                 * @description The showtime moved after this booking was paid: cancelling gives everything back until then (the new start), whatever the cut-off or tiers say
                                 */
                                fullRefundUntil?: string;
                                /**
                                 * @description Why fullRefundUntil applies: showtime_moved, or at_till (paid at a box office till: refunded there, in full until the start; cancelling online is 409 refund_at_till)
                                 * @enum {string}
                                 */
                                reason?: "showtime_moved" | "at_till";
                            };
                            /** @description What cancelling every valid ticket would refund at `asOf` (confirmed bookings); 0 when the window has closed */
                            refundPreview?: {
                                amount: {
                                    amount: number;
                                    currency: string;
                                };
                                percent: number;
                                /** Format: date-time */
                                asOf: string;
                            };
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/promo-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Promo codes, newest first (admin) */
        get: {
            parameters: {
                query?: {
                    /** @description Part of the name or shared code */
                    q?: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                code: string | null;
                                name: string;
                                kind: "percent" | "fixed";
                                percent: number | null;
                                amount: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                } | null;
                                /** @description Where the code applies; a field left out (or empty) means every one. from/to: showtime dates, inclusive */
                                scope: {
                                    movieIds?: string[];
                                    cinemaIds?: string[];
                                    showtimeIds?: string[];
                                    /** @description Ticket type codes: the discount applies to these seats only */
                                    ticketTypes?: string[];
                                    /**
                                     * Format: date
                                     * @description A date of the showtime (the cinema's local date)
                                     */
                                    from?: string;
                                    /**
                                     * Format: date
                                     * @description A date of the showtime (the cinema's local date)
                                     */
                                    to?: string;
                                };
                                validFrom: string | null;
                                validUntil: string | null;
                                maxUses: number | null;
                                maxUsesPerCustomer: number | null;
                                /** @description Live uses: applied to held or paid bookings, not given back */
                                uses: number;
                                generatedCount: number;
                                active: boolean;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a promo code, or a campaign of single-use generated codes (admin)
         * @description Exactly one of `code` (a shared code) and `generate` ({count, prefix?}: that many single-use codes, see codes.csv). kind percent takes `percent`, kind fixed takes `amount`. 409 promo_code_taken.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 4–32 letters, digits or dashes; compared case-insensitively (stored upper case) */
                        code?: string;
                        name: string;
                        kind: "percent" | "fixed";
                        percent?: number;
                        amount?: {
                            /** @description Minor units */
                            amount: number;
                            currency: string;
                        };
                        /** @description Where the code applies; a field left out (or empty) means every one. from/to: showtime dates, inclusive */
                        scope?: {
                            movieIds?: string[];
                            cinemaIds?: string[];
                            showtimeIds?: string[];
                            /** @description Ticket type codes: the discount applies to these seats only */
                            ticketTypes?: string[];
                            /**
                             * Format: date
                             * @description A date of the showtime (the cinema's local date)
                             */
                            from?: string;
                            /**
                             * Format: date
                             * @description A date of the showtime (the cinema's local date)
                             */
                            to?: string;
                        };
                        /** Format: date-time */
                        validFrom?: string;
                        /** Format: date-time */
                        validUntil?: string;
                        maxUses?: number | null;
                        maxUsesPerCustomer?: number | null;
                        /** @description Instead of `code`: this many single-use codes */
                        generate?: {
                            count: number;
                            prefix?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            code: string | null;
                            name: string;
                            kind: "percent" | "fixed";
                            percent: number | null;
                            amount: {
                                /** @description Minor units */
                                amount: number;
                                currency: string;
                            } | null;
                            /** @description Where the code applies; a field left out (or empty) means every one. from/to: showtime dates, inclusive */
                            scope: {
                                movieIds?: string[];
                                cinemaIds?: string[];
                                showtimeIds?: string[];
                                /** @description Ticket type codes: the discount applies to these seats only */
                                ticketTypes?: string[];
                                /**
                                 * Format: date
                                 * @description A date of the showtime (the cinema's local date)
                                 */
                                from?: string;
                                /**
                                 * Format: date
                                 * @description A date of the showtime (the cinema's local date)
                                 */
                                to?: string;
                            };
                            validFrom: string | null;
                            validUntil: string | null;
                            maxUses: number | null;
                            maxUsesPerCustomer: number | null;
                            /** @description Live uses: applied to held or paid bookings, not given back */
                            uses: number;
                            generatedCount: number;
                            active: boolean;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/promo-codes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A promo code (admin) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            code: string | null;
                            name: string;
                            kind: "percent" | "fixed";
                            percent: number | null;
                            amount: {
                                /** @description Minor units */
                                amount: number;
                                currency: string;
                            } | null;
                            /** @description Where the code applies; a field left out (or empty) means every one. from/to: showtime dates, inclusive */
                            scope: {
                                movieIds?: string[];
                                cinemaIds?: string[];
                                showtimeIds?: string[];
                                /** @description Ticket type codes: the discount applies to these seats only */
                                ticketTypes?: string[];
                                /**
                                 * Format: date
                                 * @description A date of the showtime (the cinema's local date)
                                 */
                                from?: string;
                                /**
                                 * Format: date
                                 * @description A date of the showtime (the cinema's local date)
                                 */
                                to?: string;
                            };
                            validFrom: string | null;
                            validUntil: string | null;
                            maxUses: number | null;
                            maxUsesPerCustomer: number | null;
                            /** @description Live uses: applied to held or paid bookings, not given back */
                            uses: number;
                            generatedCount: number;
                            active: boolean;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Deactivate a promo code: it is then unknown to customers; bookings keep their discount (admin) */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a promo code's name, validity, limits or active flag (admin)
         * @description 409 promo_code_limit_below_uses when maxUses would be below the live uses.
         */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        validFrom?: string | null;
                        validUntil?: string | null;
                        maxUses?: number | null;
                        maxUsesPerCustomer?: number | null;
                        active?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            code: string | null;
                            name: string;
                            kind: "percent" | "fixed";
                            percent: number | null;
                            amount: {
                                /** @description Minor units */
                                amount: number;
                                currency: string;
                            } | null;
                            /** @description Where the code applies; a field left out (or empty) means every one. from/to: showtime dates, inclusive */
                            scope: {
                                movieIds?: string[];
                                cinemaIds?: string[];
                                showtimeIds?: string[];
                                /** @description Ticket type codes: the discount applies to these seats only */
                                ticketTypes?: string[];
                                /**
                                 * Format: date
                                 * @description A date of the showtime (the cinema's local date)
                                 */
                                from?: string;
                                /**
                                 * Format: date
                                 * @description A date of the showtime (the cinema's local date)
                                 */
                                to?: string;
                            };
                            validFrom: string | null;
                            validUntil: string | null;
                            maxUses: number | null;
                            maxUsesPerCustomer: number | null;
                            /** @description Live uses: applied to held or paid bookings, not given back */
                            uses: number;
                            generatedCount: number;
                            active: boolean;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/promo-codes/{id}/codes.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A campaign's generated codes as CSV: code,used (admin) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bookings/{id}/promo-code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply a promo code to a held booking
         * @description Replaces an earlier code. 404 promo_code_not_found (unknown or inactive; wrong codes are rate limited: 429 rate_limited); 422 promo_code_not_applicable with `reason` (not_yet_valid, movie, cinema, showtime, date, ticket_types, currency, nothing_to_discount); 409 promo_code_expired, promo_code_exhausted (total uses), promo_code_customer_limit; 409 booking_expired / booking_not_payable when the booking is no live hold. The discount applies to the seats of the scope's ticket types; a percentage rounds down per booking; a fixed amount is capped at those seats' sum. The answer shows it in priceBreakdown.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            status: "held" | "confirmed" | "refunded" | "expired" | "cancelled";
                            /** Format: uuid */
                            showtimeId: string;
                            /**
                             * Format: uuid
                             * @description The account that holds the booking; null for a guest booking. A till sale carries the cashier's id (its emails go to the address given at the till)
                             */
                            userId: string | null;
                            seats: {
                                /** Format: uuid */
                                seatId: string;
                                row: string;
                                number: number;
                                /** @enum {string} */
                                type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                price: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description The ticket type's code (adult, child, …) */
                                ticketType: string;
                                /** @description The ticket type's English name */
                                ticketTypeName: string;
                            }[];
                            total: {
                                amount: number;
                                currency: string;
                            };
                            /** @description tickets = total (the seats); subtotal = tickets + food; due = subtotal − discount − giftCards, what the payment charges (0: nothing to charge). A promo code discounts tickets only. */
                            priceBreakdown: {
                                tickets: {
                                    amount: number;
                                    currency: string;
                                };
                                food: {
                                    amount: number;
                                    currency: string;
                                };
                                subtotal: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description The promo code applied to the booking (POST /bookings/{id}/promo-code), or null */
                                discount: {
                                    /** @description The promo code as applied (upper case) */
                                    code: string;
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                } | null;
                                giftCards: {
                                    amount: number;
                                    currency: string;
                                };
                                due: {
                                    amount: number;
                                    currency: string;
                                };
                            };
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            confirmedAt: string | null;
                            /**
                             * Format: date-time
                             * @description When the hold was kept longer (POST …/extend); null until then. A hold extends once only.
                             */
                            holdExtendedAt: string | null;
                            /** @description Issue 17: the food and drink ordered with the booking (PUT /bookings/{id}/food), null without */
                            food?: {
                                /** Format: uuid */
                                id: string;
                                /**
                                 * @description held with its booking; paid with it; cancelled when the hold went; refunded when nothing is left
                                 * @enum {string}
                                 */
                                status: "held" | "paid" | "cancelled" | "refunded";
                                /** Format: uuid */
                                cinemaId: string;
                                /** @description What the counter scans or types (10 characters); null until the order is paid */
                                pickupCode: string | null;
                                /** @description GET this for the pickup QR (SVG): /concession-orders/{id}/pickup.svg, a guest booking's /guest/bookings/{id}/food/pickup.svg (with its token); null until the order is paid */
                                pickupQrUrl: string | null;
                                items: {
                                    /** Format: uuid */
                                    lineId: string;
                                    /** Format: uuid */
                                    productId: string;
                                    /** Format: uuid */
                                    variantId: string;
                                    /** @description Product and size, in the request language */
                                    name: string;
                                    quantity: number;
                                    unitPrice: {
                                        amount: number;
                                        currency: string;
                                    };
                                    total: {
                                        amount: number;
                                        currency: string;
                                    };
                                    /** @description A combo's choices, one per slot */
                                    choices: {
                                        /** Format: uuid */
                                        slotId: string;
                                        /** Format: uuid */
                                        variantId: string;
                                        name: string;
                                    }[];
                                    /** @description How many were handed over at the counter */
                                    collected: number;
                                    /** @description How many were refunded (never collected) */
                                    refunded: number;
                                }[];
                                total: {
                                    amount: number;
                                    currency: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description When the last line was handed over
                                 */
                                collectedAt: string | null;
                            } | null;
                            tickets?: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                bookingId: string;
                                /** Format: uuid */
                                showtimeId: string;
                                seat: {
                                    /** Format: uuid */
                                    seatId: string;
                                    row: string;
                                    number: number;
                                    /** @enum {string} */
                                    type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                };
                                price: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description Self-signed (Ed25519) ticket code, as in the QR code */
                                code: string;
                                /** @enum {string} */
                                status: "valid" | "used" | "void";
                                /** Format: date-time */
                                checkedInAt: string | null;
                                /** @description The ticket type's code (adult, child, …) */
                                ticketType?: string;
                            }[];
                            refunds?: {
                                /** Format: uuid */
                                id: string;
                                amount: {
                                    amount: number;
                                    currency: string;
                                };
                                giftCardAmount: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @enum {string} */
                                status: "pending" | "succeeded";
                                /** @description customer_cancel, showtime_cancelled, booking_unavailable, late_success or food_refund (food alone) */
                                reason: string;
                                ticketIds: string[];
                                food?: {
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                    lines: {
                                        /** Format: uuid */
                                        lineId: string;
                                        name: string;
                                        quantity: number;
                                        amount: {
                                            amount: number;
                                            currency: string;
                                        };
                                    }[];
                                } | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                completedAt: string | null;
                            }[];
                            /** @description The refund policy cancelling is judged by (confirmed bookings) */
                            refundPolicy?: {
                                /** @description Without tiers: everything back until this many minutes before the start, nothing after */
                                cutoffMinutes: number;
                                tiers?: {
                                    minutesBefore: number;
                                    percent: number;
                                }[];
                                /**
                                 * Format: date-time
                                 * @description The showtime moved after this booking was paid: cancelling gives everything back until then (the new start), whatever the cut-off or tiers say
                                 */
                                fullRefundUntil?: string;
                                /**
                                 * @description Why fullRefundUntil applies: showtime_moved, or at_till (paid at a box office till: refunded there, in full until the start; cancelling online is 409 refund_at_till)
                                 * @enum {string}
                                 */
                                reason?: "showtime_moved" | "at_till";
                            };
                            /** @description What cancelling every valid ticket would refund at `asOf` (confirmed bookings); 0 when the window has closed */
                            refundPreview?: {
                                amount: {
                                    amount: number;
                                    currency: string;
                                };
                                percent: number;
                                /** Format: date-time */
                                asOf: string;
                            };
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Take the promo code off a held booking (its use is given back) */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            status: "held" | "confirmed" | "refunded" | "expired" | "cancelled";
                            /** Format: uuid */
                            showtimeId: string;
                            /**
                             * Format: uuid
                             * @description The account that holds the booking; null for a guest booking. A till sale carries the cashier's id (its emails go to the address given at the till)
                             */
                            userId: string | null;
                            seats: {
                                /** Format: uuid */
                                seatId: string;
                                row: string;
                                number: number;
                                /** @enum {string} */
                                type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                price: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description The ticket type's code (adult, child, …) */
                                ticketType: string;
                                /** @description The ticket type's English name */
                                ticketTypeName: string;
                            }[];
                            total: {
                                amount: number;
                                currency: string;
                            };
                            /** @description tickets = total (the seats); subtotal = tickets + food; due = subtotal − discount − giftCards, what the payment charges (0: nothing to charge). A promo code discounts tickets only. */
                            priceBreakdown: {
                                tickets: {
                                    amount: number;
                                    currency: string;
                                };
                                food: {
                                    amount: number;
                                    currency: string;
                                };
                                subtotal: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description The promo code applied to the booking (POST /bookings/{id}/promo-code), or null */
                                discount: {
                                    /** @description The promo code as applied (upper case) */
                                    code: string;
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                } | null;
                                giftCards: {
                                    amount: number;
                                    currency: string;
                                };
                                due: {
                                    amount: number;
                                    currency: string;
                                };
                            };
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            confirmedAt: string | null;
                            /**
                             * Format: date-time
                             * @description When the hold was kept longer (POST …/extend); null until then. A hold extends once only.
                             */
                            holdExtendedAt: string | null;
                            /** @description Issue 17: the food and drink ordered with the booking (PUT /bookings/{id}/food), null without */
                            food?: {
                                /** Format: uuid */
                                id: string;
                                /**
                                 * @description held with its booking; paid with it; cancelled when the hold went; refunded when nothing is left
                                 * @enum {string}
                                 */
                                status: "held" | "paid" | "cancelled" | "refunded";
                                /** Format: uuid */
                                cinemaId: string;
                                /** @description What the counter scans or types (10 characters); null until the order is paid */
                                pickupCode: string | null;
                                /** @description GET this for the pickup QR (SVG): /concession-orders/{id}/pickup.svg, a guest booking's /guest/bookings/{id}/food/pickup.svg (with its token); null until the order is paid */
                                pickupQrUrl: string | null;
                                items: {
                                    /** Format: uuid */
                                    lineId: string;
                                    /** Format: uuid */
                                    productId: string;
                                    /** Format: uuid */
                                    variantId: string;
                                    /** @description Product and size, in the request language */
                                    name: string;
                                    quantity: number;
                                    unitPrice: {
                                        amount: number;
                                        currency: string;
                                    };
                                    total: {
                                        amount: number;
                                        currency: string;
                                    };
                                    /** @description A combo's choices, one per slot */
                                    choices: {
                                        /** Format: uuid */
                                        slotId: string;
                                        /** Format: uuid */
                                        variantId: string;
                                        name: string;
                                    }[];
                                    /** @description How many were handed over at the counter */
                                    collected: number;
                                    /** @description How many were refunded (never collected) */
                                    refunded: number;
                                }[];
                                total: {
                                    amount: number;
                                    currency: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description When the last line was handed over
                                 */
                                collectedAt: string | null;
                            } | null;
                            tickets?: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                bookingId: string;
                                /** Format: uuid */
                                showtimeId: string;
                                seat: {
                                    /** Format: uuid */
                                    seatId: string;
                                    row: string;
                                    number: number;
                                    /** @enum {string} */
                                    type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                };
                                price: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description Self-signed (Ed25519) ticket code, as in the QR code */
                                code: string;
                                /** @enum {string} */
                                status: "valid" | "used" | "void";
                                /** Format: date-time */
                                checkedInAt: string | null;
                                /** @description The ticket type's code (adult, child, …) */
                                ticketType?: string;
                            }[];
                            refunds?: {
                                /** Format: uuid */
                                id: string;
                                amount: {
                                    amount: number;
                                    currency: string;
                                };
                                giftCardAmount: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @enum {string} */
                                status: "pending" | "succeeded";
                                /** @description customer_cancel, showtime_cancelled, booking_unavailable, late_success or food_refund (food alone) */
                                reason: string;
                                ticketIds: string[];
                                food?: {
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                    lines: {
                                        /** Format: uuid */
                                        lineId: string;
                                        name: string;
                                        quantity: number;
                                        amount: {
                                            amount: number;
                                            currency: string;
                                        };
                                    }[];
                                } | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                completedAt: string | null;
                            }[];
                            /** @description The refund policy cancelling is judged by (confirmed bookings) */
                            refundPolicy?: {
                                /** @description Without tiers: everything back until this many minutes before the start, nothing after */
                                cutoffMinutes: number;
                                tiers?: {
                                    minutesBefore: number;
                                    percent: number;
                                }[];
                                /**
                                 * Format: date-time
                                 * @description The showtime moved after this booking was paid: cancelling gives everything back until then (the new start), whatever the cut-off or tiers say
                                 */
                                fullRefundUntil?: string;
                                /**
                                 * @description Why fullRefundUntil applies: showtime_moved, or at_till (paid at a box office till: refunded there, in full until the start; cancelling online is 409 refund_at_till)
                                 * @enum {string}
                                 */
                                reason?: "showtime_moved" | "at_till";
                            };
                            /** @description What cancelling every valid ticket would refund at `asOf` (confirmed bookings); 0 when the window has closed */
                            refundPreview?: {
                                amount: {
                                    amount: number;
                                    currency: string;
                                };
                                percent: number;
                                /** Format: date-time */
                                asOf: string;
                            };
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/guest/bookings/{id}/promo-code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply a promo code to a held guest booking
         * @description Replaces an earlier code. 404 promo_code_not_found (unknown or inactive; wrong codes are rate limited: 429 rate_limited); 422 promo_code_not_applicable with `reason` (not_yet_valid, movie, cinema, showtime, date, ticket_types, currency, nothing_to_discount); 409 promo_code_expired, promo_code_exhausted (total uses), promo_code_customer_limit; 409 booking_expired / booking_not_payable when the booking is no live hold. The discount applies to the seats of the scope's ticket types; a percentage rounds down per booking; a fixed amount is capped at those seats' sum. The answer shows it in priceBreakdown.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            status: "held" | "confirmed" | "refunded" | "expired" | "cancelled";
                            /** Format: uuid */
                            showtimeId: string;
                            /**
                             * Format: uuid
                             * @description The account that holds the booking; null for a guest booking. A till sale carries the cashier's id (its emails go to the address given at the till)
                             */
                            userId: string | null;
                            seats: {
                                /** Format: uuid */
                                seatId: string;
                                row: string;
                                number: number;
                                /** @enum {string} */
                                type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                price: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description The ticket type's code (adult, child, …) */
                                ticketType: string;
                                /** @description The ticket type's English name */
                                ticketTypeName: string;
                            }[];
                            total: {
                                amount: number;
                                currency: string;
                            };
                            /** @description tickets = total (the seats); subtotal = tickets + food; due = subtotal − discount − giftCards, what the payment charges (0: nothing to charge). A promo code discounts tickets only. */
                            priceBreakdown: {
                                tickets: {
                                    amount: number;
                                    currency: string;
                                };
                                food: {
                                    amount: number;
                                    currency: string;
                                };
                                subtotal: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description The promo code applied to the booking (POST /bookings/{id}/promo-code), or null */
                                discount: {
                                    /** @description The promo code as applied (upper case) */
                                    code: string;
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                } | null;
                                giftCards: {
                                    amount: number;
                                    currency: string;
                                };
                                due: {
                                    amount: number;
                                    currency: string;
                                };
                            };
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            confirmedAt: string | null;
                            /**
                             * Format: date-time
                             * @description When the hold was kept longer (POST …/extend); null until then. A hold extends once only.
                             */
                            holdExtendedAt: string | null;
                            /** @description Issue 17: the food and drink ordered with the booking (PUT /bookings/{id}/food), null without */
                            food?: {
                                /** Format: uuid */
                                id: string;
                                /**
                                 * @description held with its booking; paid with it; cancelled when the hold went; refunded when nothing is left
                                 * @enum {string}
                                 */
                                status: "held" | "paid" | "cancelled" | "refunded";
                                /** Format: uuid */
                                cinemaId: string;
                                /** @description What the counter scans or types (10 characters); null until the order is paid */
                                pickupCode: string | null;
                                /** @description GET this for the pickup QR (SVG): /concession-orders/{id}/pickup.svg, a guest booking's /guest/bookings/{id}/food/pickup.svg (with its token); null until the order is paid */
                                pickupQrUrl: string | null;
                                items: {
                                    /** Format: uuid */
                                    lineId: string;
                                    /** Format: uuid */
                                    productId: string;
                                    /** Format: uuid */
                                    variantId: string;
                                    /** @description Product and size, in the request language */
                                    name: string;
                                    quantity: number;
                                    unitPrice: {
                                        amount: number;
                                        currency: string;
                                    };
                                    total: {
                                        amount: number;
                                        currency: string;
                                    };
                                    /** @description A combo's choices, one per slot */
                                    choices: {
                                        /** Format: uuid */
                                        slotId: string;
                                        /** Format: uuid */
                                        variantId: string;
                                        name: string;
                                    }[];
                                    /** @description How many were handed over at the counter */
                                    collected: number;
                                    /** @description How many were refunded (never collected) */
                                    refunded: number;
                                }[];
                                total: {
                                    amount: number;
                                    currency: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description When the last line was handed over
                                 */
                                collectedAt: string | null;
                            } | null;
                            tickets?: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                bookingId: string;
                                /** Format: uuid */
                                showtimeId: string;
                                seat: {
                                    /** Format: uuid */
                                    seatId: string;
                                    row: string;
                                    number: number;
                                    /** @enum {string} */
                                    type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                };
                                price: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description Self-signed (Ed25519) ticket code, as in the QR code */
                                code: string;
                                /** @enum {string} */
                                status: "valid" | "used" | "void";
                                /** Format: date-time */
                                checkedInAt: string | null;
                                /** @description The ticket type's code (adult, child, …) */
                                ticketType?: string;
                            }[];
                            refunds?: {
                                /** Format: uuid */
                                id: string;
                                amount: {
                                    amount: number;
                                    currency: string;
                                };
                                giftCardAmount: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @enum {string} */
                                status: "pending" | "succeeded";
                                /** @description customer_cancel, showtime_cancelled, booking_unavailable, late_success or food_refund (food alone) */
                                reason: string;
                                ticketIds: string[];
                                food?: {
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                    lines: {
                                        /** Format: uuid */
                                        lineId: string;
                                        name: string;
                                        quantity: number;
                                        amount: {
                                            amount: number;
                                            currency: string;
                                        };
                                    }[];
                                } | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                completedAt: string | null;
                            }[];
                            /** @description The refund policy cancelling is judged by (confirmed bookings) */
                            refundPolicy?: {
                                /** @description Without tiers: everything back until this many minutes before the start, nothing after */
                                cutoffMinutes: number;
                                tiers?: {
                                    minutesBefore: number;
                                    percent: number;
                                }[];
                                /**
                                 * Format: date-time
                                 * @description The showtime moved after this booking was paid: cancelling gives everything back until then (the new start), whatever the cut-off or tiers say
                                 */
                                fullRefundUntil?: string;
                                /**
                                 * @description Why fullRefundUntil applies: showtime_moved, or at_till (paid at a box office till: refunded there, in full until the start; cancelling online is 409 refund_at_till)
                                 * @enum {string}
                                 */
                                reason?: "showtime_moved" | "at_till";
                            };
                            /** @description What cancelling every valid ticket would refund at `asOf` (confirmed bookings); 0 when the window has closed */
                            refundPreview?: {
                                amount: {
                                    amount: number;
                                    currency: string;
                                };
                                percent: number;
                                /** Format: date-time */
                                asOf: string;
                            };
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Take the promo code off a held guest booking (its use is given back) */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            status: "held" | "confirmed" | "refunded" | "expired" | "cancelled";
                            /** Format: uuid */
                            showtimeId: string;
                            /**
                             * Format: uuid
                             * @description The account that holds the booking; null for a guest booking. A till sale carries the cashier's id (its emails go to the address given at the till)
                             */
                            userId: string | null;
                            seats: {
                                /** Format: uuid */
                                seatId: string;
                                row: string;
                                number: number;
                                /** @enum {string} */
                                type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                price: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description The ticket type's code (adult, child, …) */
                                ticketType: string;
                                /** @description The ticket type's English name */
                                ticketTypeName: string;
                            }[];
                            total: {
                                amount: number;
                                currency: string;
                            };
                            /** @description tickets = total (the seats); subtotal = tickets + food; due = subtotal − discount − giftCards, what the payment charges (0: nothing to charge). A promo code discounts tickets only. */
                            priceBreakdown: {
                                tickets: {
                                    amount: number;
                                    currency: string;
                                };
                                food: {
                                    amount: number;
                                    currency: string;
                                };
                                subtotal: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description The promo code applied to the booking (POST /bookings/{id}/promo-code), or null */
                                discount: {
                                    /** @description The promo code as applied (upper case) */
                                    code: string;
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                } | null;
                                giftCards: {
                                    amount: number;
                                    currency: string;
                                };
                                due: {
                                    amount: number;
                                    currency: string;
                                };
                            };
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            confirmedAt: string | null;
                            /**
                             * Format: date-time
                             * @description When the hold was kept longer (POST …/extend); null until then. A hold extends once only.
                             */
                            holdExtendedAt: string | null;
                            /** @description Issue 17: the food and drink ordered with the booking (PUT /bookings/{id}/food), null without */
                            food?: {
                                /** Format: uuid */
                                id: string;
                                /**
                                 * @description held with its booking; paid with it; cancelled when the hold went; refunded when nothing is left
                                 * @enum {string}
                                 */
                                status: "held" | "paid" | "cancelled" | "refunded";
                                /** Format: uuid */
                                cinemaId: string;
                                /** @description What the counter scans or types (10 characters); null until the order is paid */
                                pickupCode: string | null;
                                /** @description GET this for the pickup QR (SVG): /concession-orders/{id}/pickup.svg, a guest booking's /guest/bookings/{id}/food/pickup.svg (with its token); null until the order is paid */
                                pickupQrUrl: string | null;
                                items: {
                                    /** Format: uuid */
                                    lineId: string;
                                    /** Format: uuid */
                                    productId: string;
                                    /** Format: uuid */
                                    variantId: string;
                                    /** @description Product and size, in the request language */
                                    name: string;
                                    quantity: number;
                                    unitPrice: {
                                        amount: number;
                                        currency: string;
                                    };
                                    total: {
                                        amount: number;
                                        currency: string;
                                    };
                                    /** @description A combo's choices, one per slot */
                                    choices: {
                                        /** Format: uuid */
                                        slotId: string;
                                        /** Format: uuid */
                                        variantId: string;
                                        name: string;
                                    }[];
                                    /** @description How many were handed over at the counter */
                                    collected: number;
                                    /** @description How many were refunded (never collected) */
                                    refunded: number;
                                }[];
                                total: {
                                    amount: number;
                                    currency: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description When the last line was handed over
                                 */
                                collectedAt: string | null;
                            } | null;
                            tickets?: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                bookingId: string;
                                /** Format: uuid */
                                showtimeId: string;
                                seat: {
                                    /** Format: uuid */
                                    seatId: string;
                                    row: string;
                                    number: number;
                                    /** @enum {string} */
                                    type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                };
                                price: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description Self-signed (Ed25519) ticket code, as in the QR code */
                                code: string;
                                /** @enum {string} */
                                status: "valid" | "used" | "void";
                                /** Format: date-time */
                                checkedInAt: string | null;
                                /** @description The ticket type's code (adult, child, …) */
                                ticketType?: string;
                            }[];
                            refunds?: {
                                /** Format: uuid */
                                id: string;
                                amount: {
                                    amount: number;
                                    currency: string;
                                };
                                giftCardAmount: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @enum {string} */
                                status: "pending" | "succeeded";
                                /** @description customer_cancel, showtime_cancelled, booking_unavailable, late_success or food_refund (food alone) */
                                reason: string;
                                ticketIds: string[];
                                food?: {
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                    lines: {
                                        /** Format: uuid */
                                        lineId: string;
                                        name: string;
                                        quantity: number;
                                        amount: {
                                            amount: number;
                                            currency: string;
                                        };
                                    }[];
                                } | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                completedAt: string | null;
                            }[];
                            /** @description The refund policy cancelling is judged by (confirmed bookings) */
                            refundPolicy?: {
                                /** @description Without tiers: everything back until this many minutes before the start, nothing after */
                                cutoffMinutes: number;
                                tiers?: {
                                    minutesBefore: number;
                                    percent: number;
                                }[];
                                /**
                                 * Format: date-time
                                 * @description The showtime moved after this booking was paid: cancelling gives everything back until then (the new start), whatever the cut-off or tiers say
                                 */
                                fullRefundUntil?: string;
                                /**
                                 * @description Why fullRefundUntil applies: showtime_moved, or at_till (paid at a box office till: refunded there, in full until the start; cancelling online is 409 refund_at_till)
                                 * @enum {string}
                                 */
                                reason?: "showtime_moved" | "at_till";
                            };
                            /** @description What cancelling every valid ticket would refund at `asOf` (confirmed bookings); 0 when the window has closed */
                            refundPreview?: {
                                amount: {
                                    amount: number;
                                    currency: string;
                                };
                                percent: number;
                                /** Format: date-time */
                                asOf: string;
                            };
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cinemas/{id}/tax": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A cinema's country, legal seller and tax rates (staff); 404 tax_settings_not_found without them */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            cinemaId: string;
                            country: string;
                            legalName: string;
                            legalAddress: string;
                            taxId: string | null;
                            taxRates: {
                                tickets: number;
                                food: number;
                                merchandise: number;
                                default: number;
                            };
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Set a cinema's tax settings (admin); receipts issued before keep theirs */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description ISO 3166-1 alpha-2, upper case (DE) */
                        country: string;
                        legalName: string;
                        legalAddress: string;
                        taxId?: string | null;
                        /** @description Kinds not given take the default rate */
                        taxRates: {
                            /** @description Percent with at most two decimals (7, 5.5, 19) */
                            tickets: number;
                            /** @description Percent with at most two decimals (7, 5.5, 19) */
                            food?: number;
                            /** @description Percent with at most two decimals (7, 5.5, 19) */
                            merchandise?: number;
                            /** @description Percent with at most two decimals (7, 5.5, 19) */
                            default: number;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            cinemaId: string;
                            country: string;
                            legalName: string;
                            legalAddress: string;
                            taxId: string | null;
                            taxRates: {
                                tickets: number;
                                food: number;
                                merchandise: number;
                                default: number;
                            };
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bookings/{id}/receipt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A paid booking's receipt: lines, discount, tenders, net/tax/gross per rate
         * @description Issued on first request if the sale was not processed yet (dated then; supplyDate is the day of the sale); 409 booking_not_sold before payment, 409 tax_settings_missing while neither the cinema nor the chain has a seller (try again once an admin has set them).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @description {prefix}-{year}-{000001}: gapless per series and year */
                            number: string;
                            bookingId: string | null;
                            cinemaId: string | null;
                            /** Format: date-time */
                            issuedAt: string;
                            /** @description Date and time of issue in the cinema's zone */
                            issuedAtLocal: string;
                            /**
                             * Format: date
                             * @description Date of the sale/supply (receipts) or of the refund (credit notes) in the cinema's zone; before the date of issue when the document was issued late
                             */
                            supplyDate: string;
                            seller: {
                                name: string;
                                address: string;
                                country: string;
                                taxId: string | null;
                            } | null;
                            /** @description Always false for documents issued now (a cinema without tax settings gets the chain seller); true only on documents issued before the chain seller existed */
                            sellerMissing: boolean;
                            showing: {
                                title: string;
                                startsAt: string;
                                cinema: string;
                                hall: string;
                            } | null;
                            lines: {
                                description: string;
                                seat: {
                                    /** Format: uuid */
                                    seatId: string;
                                    row: string;
                                    number: number;
                                } | null;
                                ticketType: string | null;
                                /**
                                 * @description food, merchandise, default: a food and drink line at its tax kind (issue 17)
                                 * @enum {unknown}
                                 */
                                kind: "tickets" | "gift_card" | "food" | "merchandise" | "default";
                                /** Format: uuid */
                                foodLineId?: string;
                                quantity?: number;
                                /** @description Tax rate, percent */
                                rate: number;
                                price: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                                discount: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                                gross: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                            }[];
                            /** @description Net, tax and gross per rate */
                            taxes: {
                                rate: number;
                                net: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                                tax: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                                gross: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                            }[];
                            totals: {
                                net: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                                tax: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                                gross: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                            };
                            currency: string;
                            /** @enum {unknown} */
                            source: "booking" | "gift_card" | "concession_order";
                            concessionOrderId?: string | null;
                            giftCardId: string | null;
                            subtotal: {
                                /** @description Minor units */
                                amount: number;
                                currency: string;
                            };
                            discount: {
                                code: string | null;
                                amount: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                            } | null;
                            tenders: {
                                /** @enum {unknown} */
                                method: "card" | "cash" | "card_terminal" | "gift_card";
                                provider: string | null;
                                amount: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bookings/{id}/receipt.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A paid booking's receipt as a PDF
         * @description As the JSON receipt: 409 booking_not_sold, 409 tax_settings_missing.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bookings/{id}/credit-notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A booking's credit notes (one per refund), oldest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** @description {prefix}-{year}-{000001}: gapless per series and year */
                                number: string;
                                bookingId: string | null;
                                cinemaId: string | null;
                                /** Format: date-time */
                                issuedAt: string;
                                /** @description Date and time of issue in the cinema's zone */
                                issuedAtLocal: string;
                                /**
                                 * Format: date
                                 * @description Date of the sale/supply (receipts) or of the refund (credit notes) in the cinema's zone; before the date of issue when the document was issued late
                                 */
                                supplyDate: string;
                                seller: {
                                    name: string;
                                    address: string;
                                    country: string;
                                    taxId: string | null;
                                } | null;
                                /** @description Always false for documents issued now (a cinema without tax settings gets the chain seller); true only on documents issued before the chain seller existed */
                                sellerMissing: boolean;
                                showing: {
                                    title: string;
                                    startsAt: string;
                                    cinema: string;
                                    hall: string;
                                } | null;
                                lines: {
                                    description: string;
                                    seat: {
                                        /** Format: uuid */
                                        seatId: string;
                                        row: string;
                                        number: number;
                                    } | null;
                                    ticketType: string | null;
                                    /**
                                     * @description food, merchandise, default: a food and drink line at its tax kind (issue 17)
                                     * @enum {unknown}
                                     */
                                    kind: "tickets" | "gift_card" | "food" | "merchandise" | "default";
                                    /** Format: uuid */
                                    foodLineId?: string;
                                    quantity?: number;
                                    /** @description Tax rate, percent */
                                    rate: number;
                                    price: {
                                        /** @description Minor units */
                                        amount: number;
                                        currency: string;
                                    };
                                    discount: {
                                        /** @description Minor units */
                                        amount: number;
                                        currency: string;
                                    };
                                    gross: {
                                        /** @description Minor units */
                                        amount: number;
                                        currency: string;
                                    };
                                }[];
                                /** @description Net, tax and gross per rate */
                                taxes: {
                                    rate: number;
                                    net: {
                                        /** @description Minor units */
                                        amount: number;
                                        currency: string;
                                    };
                                    tax: {
                                        /** @description Minor units */
                                        amount: number;
                                        currency: string;
                                    };
                                    gross: {
                                        /** @description Minor units */
                                        amount: number;
                                        currency: string;
                                    };
                                }[];
                                totals: {
                                    net: {
                                        /** @description Minor units */
                                        amount: number;
                                        currency: string;
                                    };
                                    tax: {
                                        /** @description Minor units */
                                        amount: number;
                                        currency: string;
                                    };
                                    gross: {
                                        /** @description Minor units */
                                        amount: number;
                                        currency: string;
                                    };
                                };
                                currency: string;
                                /** Format: uuid */
                                receiptId: string;
                                receiptNumber: string;
                                reason: string;
                                /** @description Where the money went back */
                                refundedTo: {
                                    /** @enum {unknown} */
                                    method: "card" | "cash" | "card_terminal" | "gift_card";
                                    provider: string | null;
                                    amount: {
                                        /** @description Minor units */
                                        amount: number;
                                        currency: string;
                                    };
                                }[];
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/guest/bookings/{id}/receipt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A paid booking's receipt: lines, discount, tenders, net/tax/gross per rate (guest, with the booking token)
         * @description Issued on first request if the sale was not processed yet (dated then; supplyDate is the day of the sale); 409 booking_not_sold before payment, 409 tax_settings_missing while neither the cinema nor the chain has a seller (try again once an admin has set them).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @description {prefix}-{year}-{000001}: gapless per series and year */
                            number: string;
                            bookingId: string | null;
                            cinemaId: string | null;
                            /** Format: date-time */
                            issuedAt: string;
                            /** @description Date and time of issue in the cinema's zone */
                            issuedAtLocal: string;
                            /**
                             * Format: date
                             * @description Date of the sale/supply (receipts) or of the refund (credit notes) in the cinema's zone; before the date of issue when the document was issued late
                             */
                            supplyDate: string;
                            seller: {
                                name: string;
                                address: string;
                                country: string;
                                taxId: string | null;
                            } | null;
                            /** @description Always false for documents issued now (a cinema without tax settings gets the chain seller); true only on documents issued before the chain seller existed */
                            sellerMissing: boolean;
                            showing: {
                                title: string;
                                startsAt: string;
                                cinema: string;
                                hall: string;
                            } | null;
                            lines: {
                                description: string;
                                seat: {
                                    /** Format: uuid */
                                    seatId: string;
                                    row: string;
                                    number: number;
                                } | null;
                                ticketType: string | null;
                                /**
                                 * @description food, merchandise, default: a food and drink line at its tax kind (issue 17)
                                 * @enum {unknown}
                                 */
                                kind: "tickets" | "gift_card" | "food" | "merchandise" | "default";
                                /** Format: uuid */
                                foodLineId?: string;
                                quantity?: number;
                                /** @description Tax rate, percent */
                                rate: number;
                                price: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                                discount: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                                gross: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                            }[];
                            /** @description Net, tax and gross per rate */
                            taxes: {
                                rate: number;
                                net: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                                tax: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                                gross: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                            }[];
                            totals: {
                                net: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                                tax: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                                gross: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                            };
                            currency: string;
                            /** @enum {unknown} */
                            source: "booking" | "gift_card" | "concession_order";
                            concessionOrderId?: string | null;
                            giftCardId: string | null;
                            subtotal: {
                                /** @description Minor units */
                                amount: number;
                                currency: string;
                            };
                            discount: {
                                code: string | null;
                                amount: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                            } | null;
                            tenders: {
                                /** @enum {unknown} */
                                method: "card" | "cash" | "card_terminal" | "gift_card";
                                provider: string | null;
                                amount: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/guest/bookings/{id}/receipt.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A paid booking's receipt as a PDF (guest, with the booking token)
         * @description As the JSON receipt: 409 booking_not_sold, 409 tax_settings_missing.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/guest/bookings/{id}/credit-notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A booking's credit notes (one per refund), oldest first (guest, with the booking token) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** @description {prefix}-{year}-{000001}: gapless per series and year */
                                number: string;
                                bookingId: string | null;
                                cinemaId: string | null;
                                /** Format: date-time */
                                issuedAt: string;
                                /** @description Date and time of issue in the cinema's zone */
                                issuedAtLocal: string;
                                /**
                                 * Format: date
                                 * @description Date of the sale/supply (receipts) or of the refund (credit notes) in the cinema's zone; before the date of issue when the document was issued late
                                 */
                                supplyDate: string;
                                seller: {
                                    name: string;
                                    address: string;
                                    country: string;
                                    taxId: string | null;
                                } | null;
                                /** @description Always false for documents issued now (a cinema without tax settings gets the chain seller); true only on documents issued before the chain seller existed */
                                sellerMissing: boolean;
                                showing: {
                                    title: string;
                                    startsAt: string;
                                    cinema: string;
                                    hall: string;
                                } | null;
                                lines: {
                                    description: string;
                                    seat: {
                                        /** Format: uuid */
                                        seatId: string;
                                        row: string;
                                        number: number;
                                    } | null;
                                    ticketType: string | null;
                                    /**
                                     * @description food, merchandise, default: a food and drink line at its tax kind (issue 17)
                                     * @enum {unknown}
                                     */
                                    kind: "tickets" | "gift_card" | "food" | "merchandise" | "default";
                                    /** Format: uuid */
                                    foodLineId?: string;
                                    quantity?: number;
                                    /** @description Tax rate, percent */
                                    rate: number;
                                    price: {
                                        /** @description Minor units */
                                        amount: number;
                                        currency: string;
                                    };
                                    discount: {
                                        /** @description Minor units */
                                        amount: number;
                                        currency: string;
                                    };
                                    gross: {
                                        /** @description Minor units */
                                        amount: number;
                                        currency: string;
                                    };
                                }[];
                                /** @description Net, tax and gross per rate */
                                taxes: {
                                    rate: number;
                                    net: {
                                        /** @description Minor units */
                                        amount: number;
                                        currency: string;
                                    };
                                    tax: {
                                        /** @description Minor units */
                                        amount: number;
                                        currency: string;
                                    };
                                    gross: {
                                        /** @description Minor units */
                                        amount: number;
                                        currency: string;
                                    };
                                }[];
                                totals: {
                                    net: {
                                        /** @description Minor units */
                                        amount: number;
                                        currency: string;
                                    };
                                    tax: {
                                        /** @description Minor units */
                                        amount: number;
                                        currency: string;
                                    };
                                    gross: {
                                        /** @description Minor units */
                                        amount: number;
                                        currency: string;
                                    };
                                };
                                currency: string;
                                /** Format: uuid */
                                receiptId: string;
                                receiptNumber: string;
                                reason: string;
                                /** @description Where the money went back */
                                refundedTo: {
                                    /** @enum {unknown} */
                                    method: "card" | "cash" | "card_terminal" | "gift_card";
                                    provider: string | null;
                                    amount: {
                                        /** @description Minor units */
                                        amount: number;
                                        currency: string;
                                    };
                                }[];
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/credit-notes/{id}.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A credit note as a PDF (its booking's owner, staff) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/guest/bookings/{id}/credit-notes/{creditNoteId}.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A credit note of the guest's booking as a PDF (guest, with the booking token)
         * @description 404 credit_note_not_found when the note is not of this booking.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    creditNoteId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gift-cards/orders/{id}/receipt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A paid gift card order's receipt (untaxed multi-purpose voucher, the chain's online series)
         * @description Who may read the order may read it; 404 gift_card_order_not_found, 409 gift_card_order_not_paid before payment (and, saying "not issued yet", for a moment after it while the card is issued), 409 tax_settings_missing without a seller.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @description {prefix}-{year}-{000001}: gapless per series and year */
                            number: string;
                            bookingId: string | null;
                            cinemaId: string | null;
                            /** Format: date-time */
                            issuedAt: string;
                            /** @description Date and time of issue in the cinema's zone */
                            issuedAtLocal: string;
                            /**
                             * Format: date
                             * @description Date of the sale/supply (receipts) or of the refund (credit notes) in the cinema's zone; before the date of issue when the document was issued late
                             */
                            supplyDate: string;
                            seller: {
                                name: string;
                                address: string;
                                country: string;
                                taxId: string | null;
                            } | null;
                            /** @description Always false for documents issued now (a cinema without tax settings gets the chain seller); true only on documents issued before the chain seller existed */
                            sellerMissing: boolean;
                            showing: {
                                title: string;
                                startsAt: string;
                                cinema: string;
                                hall: string;
                            } | null;
                            lines: {
                                description: string;
                                seat: {
                                    /** Format: uuid */
                                    seatId: string;
                                    row: string;
                                    number: number;
                                } | null;
                                ticketType: string | null;
                                /**
                                 * @description food, merchandise, default: a food and drink line at its tax kind (issue 17)
                                 * @enum {unknown}
                                 */
                                kind: "tickets" | "gift_card" | "food" | "merchandise" | "default";
                                /** Format: uuid */
                                foodLineId?: string;
                                quantity?: number;
                                /** @description Tax rate, percent */
                                rate: number;
                                price: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                                discount: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                                gross: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                            }[];
                            /** @description Net, tax and gross per rate */
                            taxes: {
                                rate: number;
                                net: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                                tax: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                                gross: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                            }[];
                            totals: {
                                net: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                                tax: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                                gross: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                            };
                            currency: string;
                            /** @enum {unknown} */
                            source: "booking" | "gift_card" | "concession_order";
                            concessionOrderId?: string | null;
                            giftCardId: string | null;
                            subtotal: {
                                /** @description Minor units */
                                amount: number;
                                currency: string;
                            };
                            discount: {
                                code: string | null;
                                amount: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                            } | null;
                            tenders: {
                                /** @enum {unknown} */
                                method: "card" | "cash" | "card_terminal" | "gift_card";
                                provider: string | null;
                                amount: {
                                    /** @description Minor units */
                                    amount: number;
                                    currency: string;
                                };
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gift-cards/orders/{id}/receipt.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A paid gift card order's receipt as a PDF
         * @description As the JSON receipt: 404 gift_card_order_not_found, 409 gift_card_order_not_paid, 409 tax_settings_missing.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/finance/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Finance export as CSV (admin): sales, refunds, discounts, gift-cards or payment-methods over a period
         * @description Days are days of issue in the seller's zone (a day once exported never changes; a document issued late is in the day it was issued, its supply_date / refund_date column says when the sale or refund happened) (the cinema's; the chain seller's for online sales), from and to inclusive, at most 366 days. Without cinemaId: the whole chain, online sales (gift cards bought online) included; with one: that cinema's sales, and gift cards sold at its tills. Amounts are decimals. RFC 4180, UTF-8 with BOM, formula-safe.
         */
        get: {
            parameters: {
                query: {
                    cinemaId?: string;
                    /** @description First day, inclusive (the day of issue in the cinema's zone) */
                    from: string;
                    /** @description Last day, inclusive; at most 366 days after from */
                    to: string;
                    kind: "sales" | "refunds" | "discounts" | "gift-cards" | "payment-methods";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/concession-products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Concession products by category and sort order (staff) */
        get: {
            parameters: {
                query?: {
                    /** @description popcorn, drinks, snacks, … */
                    category?: string;
                    active?: boolean;
                    limit?: number;
                    cursor?: string;
                    /** @description Language of name/description (else Accept-Language; fallback en) */
                    lang?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {unknown} */
                                kind: "item" | "combo";
                                category: string;
                                /** @description By language: English required, e.g. {"en": "Popcorn", "de": "Popcorn"} */
                                names: {
                                    en: string;
                                } & {
                                    [key: string]: string;
                                };
                                /** @description Descriptions by language, e.g. {"en": "...", "de": "..."} */
                                descriptions: {
                                    [key: string]: string;
                                };
                                /** @description names resolved for ?lang= or Accept-Language (fallback en) */
                                name: string;
                                description: string | null;
                                image: {
                                    width: number;
                                    height: number;
                                    variants: {
                                        width: number;
                                        /** @enum {unknown} */
                                        format: "webp" | "jpeg";
                                        url: string;
                                    }[];
                                } | null;
                                allergens: string[];
                                dietary: string[];
                                trackStock: boolean;
                                sortOrder: number;
                                active: boolean;
                                variants: {
                                    /** Format: uuid */
                                    id: string;
                                    code: string;
                                    /** @description By language: English required, e.g. {"en": "Popcorn", "de": "Popcorn"} */
                                    names: {
                                        en: string;
                                    } & {
                                        [key: string]: string;
                                    };
                                    name: string;
                                    sortOrder: number;
                                    active: boolean;
                                }[];
                                slots: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @description By language: English required, e.g. {"en": "Popcorn", "de": "Popcorn"} */
                                    names: {
                                        en: string;
                                    } & {
                                        [key: string]: string;
                                    };
                                    name: string;
                                    quantity: number;
                                    choices: {
                                        /** Format: uuid */
                                        variantId: string;
                                        /** Format: uuid */
                                        productId: string;
                                        name: string;
                                        /** @description Minor units, in each cinema’s currency (the menu gives Money) */
                                        surcharge: number;
                                    }[];
                                }[];
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a concession product: an item or a combo, with its sizes (admin)
         * @description 422 validation_failed: slots on an item, a combo without slots, trackStock on a combo, a size code twice, a combo choice that is not a size of an active item.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Language of name/description (else Accept-Language; fallback en) */
                    lang?: string;
                };
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        kind: "item" | "combo";
                        /** @description popcorn, drinks, snacks, … */
                        category: string;
                        /** @description By language: English required, e.g. {"en": "Popcorn", "de": "Popcorn"} */
                        names: {
                            en: string;
                        } & {
                            [key: string]: string;
                        };
                        /** @description Descriptions by language, e.g. {"en": "...", "de": "..."} */
                        descriptions?: {
                            [key: string]: string;
                        };
                        /** @description EU 14 */
                        allergens?: ("gluten" | "crustaceans" | "eggs" | "fish" | "peanuts" | "soybeans" | "milk" | "nuts" | "celery" | "mustard" | "sesame" | "sulphites" | "lupin" | "molluscs")[];
                        dietary?: ("vegetarian" | "vegan" | "gluten_free" | "lactose_free" | "halal" | "kosher")[];
                        /** @description Items only: count stock per cinema */
                        trackStock?: boolean;
                        sortOrder?: number;
                        variants: {
                            /** @description small, medium, large, regular, … */
                            code: string;
                            /** @description By language: English required, e.g. {"en": "Popcorn", "de": "Popcorn"} */
                            names: {
                                en: string;
                            } & {
                                [key: string]: string;
                            };
                            sortOrder?: number;
                        }[];
                        /** @description Combos only: each slot is filled with one choice */
                        slots?: {
                            /** @description By language: English required, e.g. {"en": "Popcorn", "de": "Popcorn"} */
                            names: {
                                en: string;
                            } & {
                                [key: string]: string;
                            };
                            quantity?: number;
                            choices: {
                                /** Format: uuid */
                                variantId: string;
                                /** @description Minor units, in the cinema currency */
                                surcharge?: number;
                            }[];
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {unknown} */
                            kind: "item" | "combo";
                            category: string;
                            /** @description By language: English required, e.g. {"en": "Popcorn", "de": "Popcorn"} */
                            names: {
                                en: string;
                            } & {
                                [key: string]: string;
                            };
                            /** @description Descriptions by language, e.g. {"en": "...", "de": "..."} */
                            descriptions: {
                                [key: string]: string;
                            };
                            /** @description names resolved for ?lang= or Accept-Language (fallback en) */
                            name: string;
                            description: string | null;
                            image: {
                                width: number;
                                height: number;
                                variants: {
                                    width: number;
                                    /** @enum {unknown} */
                                    format: "webp" | "jpeg";
                                    url: string;
                                }[];
                            } | null;
                            allergens: string[];
                            dietary: string[];
                            trackStock: boolean;
                            sortOrder: number;
                            active: boolean;
                            variants: {
                                /** Format: uuid */
                                id: string;
                                code: string;
                                /** @description By language: English required, e.g. {"en": "Popcorn", "de": "Popcorn"} */
                                names: {
                                    en: string;
                                } & {
                                    [key: string]: string;
                                };
                                name: string;
                                sortOrder: number;
                                active: boolean;
                            }[];
                            slots: {
                                /** Format: uuid */
                                id: string;
                                /** @description By language: English required, e.g. {"en": "Popcorn", "de": "Popcorn"} */
                                names: {
                                    en: string;
                                } & {
                                    [key: string]: string;
                                };
                                name: string;
                                quantity: number;
                                choices: {
                                    /** Format: uuid */
                                    variantId: string;
                                    /** Format: uuid */
                                    productId: string;
                                    name: string;
                                    /** @description Minor units, in each cinema’s currency (the menu gives Money) */
                                    surcharge: number;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/concession-products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A concession product (staff)
         * @description 404 concession_product_not_found.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Language of name/description (else Accept-Language; fallback en) */
                    lang?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {unknown} */
                            kind: "item" | "combo";
                            category: string;
                            /** @description By language: English required, e.g. {"en": "Popcorn", "de": "Popcorn"} */
                            names: {
                                en: string;
                            } & {
                                [key: string]: string;
                            };
                            /** @description Descriptions by language, e.g. {"en": "...", "de": "..."} */
                            descriptions: {
                                [key: string]: string;
                            };
                            /** @description names resolved for ?lang= or Accept-Language (fallback en) */
                            name: string;
                            description: string | null;
                            image: {
                                width: number;
                                height: number;
                                variants: {
                                    width: number;
                                    /** @enum {unknown} */
                                    format: "webp" | "jpeg";
                                    url: string;
                                }[];
                            } | null;
                            allergens: string[];
                            dietary: string[];
                            trackStock: boolean;
                            sortOrder: number;
                            active: boolean;
                            variants: {
                                /** Format: uuid */
                                id: string;
                                code: string;
                                /** @description By language: English required, e.g. {"en": "Popcorn", "de": "Popcorn"} */
                                names: {
                                    en: string;
                                } & {
                                    [key: string]: string;
                                };
                                name: string;
                                sortOrder: number;
                                active: boolean;
                            }[];
                            slots: {
                                /** Format: uuid */
                                id: string;
                                /** @description By language: English required, e.g. {"en": "Popcorn", "de": "Popcorn"} */
                                names: {
                                    en: string;
                                } & {
                                    [key: string]: string;
                                };
                                name: string;
                                quantity: number;
                                choices: {
                                    /** Format: uuid */
                                    variantId: string;
                                    /** Format: uuid */
                                    productId: string;
                                    name: string;
                                    /** @description Minor units, in each cinema’s currency (the menu gives Money) */
                                    surcharge: number;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Deactivate a concession product: off every menu, kept for orders and reports (admin)
         * @description 404 concession_product_not_found.
         */
        delete: {
            parameters: {
                query?: {
                    /** @description Language of name/description (else Accept-Language; fallback en) */
                    lang?: string;
                };
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {unknown} */
                            kind: "item" | "combo";
                            category: string;
                            /** @description By language: English required, e.g. {"en": "Popcorn", "de": "Popcorn"} */
                            names: {
                                en: string;
                            } & {
                                [key: string]: string;
                            };
                            /** @description Descriptions by language, e.g. {"en": "...", "de": "..."} */
                            descriptions: {
                                [key: string]: string;
                            };
                            /** @description names resolved for ?lang= or Accept-Language (fallback en) */
                            name: string;
                            description: string | null;
                            image: {
                                width: number;
                                height: number;
                                variants: {
                                    width: number;
                                    /** @enum {unknown} */
                                    format: "webp" | "jpeg";
                                    url: string;
                                }[];
                            } | null;
                            allergens: string[];
                            dietary: string[];
                            trackStock: boolean;
                            sortOrder: number;
                            active: boolean;
                            variants: {
                                /** Format: uuid */
                                id: string;
                                code: string;
                                /** @description By language: English required, e.g. {"en": "Popcorn", "de": "Popcorn"} */
                                names: {
                                    en: string;
                                } & {
                                    [key: string]: string;
                                };
                                name: string;
                                sortOrder: number;
                                active: boolean;
                            }[];
                            slots: {
                                /** Format: uuid */
                                id: string;
                                /** @description By language: English required, e.g. {"en": "Popcorn", "de": "Popcorn"} */
                                names: {
                                    en: string;
                                } & {
                                    [key: string]: string;
                                };
                                name: string;
                                quantity: number;
                                choices: {
                                    /** Format: uuid */
                                    variantId: string;
                                    /** Format: uuid */
                                    productId: string;
                                    name: string;
                                    /** @description Minor units, in each cinema’s currency (the menu gives Money) */
                                    surcharge: number;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a concession product: texts, flags, sizes by code, a combo’s slots (admin)
         * @description 404 concession_product_not_found; 422 validation_failed as on create.
         */
        patch: {
            parameters: {
                query?: {
                    /** @description Language of name/description (else Accept-Language; fallback en) */
                    lang?: string;
                };
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description popcorn, drinks, snacks, … */
                        category?: string;
                        /** @description By language: English required, e.g. {"en": "Popcorn", "de": "Popcorn"} */
                        names?: {
                            en: string;
                        } & {
                            [key: string]: string;
                        };
                        /** @description Descriptions by language, e.g. {"en": "...", "de": "..."} */
                        descriptions?: {
                            [key: string]: string;
                        };
                        /** @description EU 14 */
                        allergens?: ("gluten" | "crustaceans" | "eggs" | "fish" | "peanuts" | "soybeans" | "milk" | "nuts" | "celery" | "mustard" | "sesame" | "sulphites" | "lupin" | "molluscs")[];
                        dietary?: ("vegetarian" | "vegan" | "gluten_free" | "lactose_free" | "halal" | "kosher")[];
                        trackStock?: boolean;
                        sortOrder?: number;
                        active?: boolean;
                        /** @description By code: an unknown code adds a variant (names required), a known one is changed */
                        variants?: {
                            /** @description small, medium, large, regular, … */
                            code: string;
                            /** @description By language: English required, e.g. {"en": "Popcorn", "de": "Popcorn"} */
                            names?: {
                                en: string;
                            } & {
                                [key: string]: string;
                            };
                            sortOrder?: number;
                            active?: boolean;
                        }[];
                        /** @description Combos only: each slot is filled with one choice */
                        slots?: {
                            /** @description By language: English required, e.g. {"en": "Popcorn", "de": "Popcorn"} */
                            names: {
                                en: string;
                            } & {
                                [key: string]: string;
                            };
                            quantity?: number;
                            choices: {
                                /** Format: uuid */
                                variantId: string;
                                /** @description Minor units, in the cinema currency */
                                surcharge?: number;
                            }[];
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {unknown} */
                            kind: "item" | "combo";
                            category: string;
                            /** @description By language: English required, e.g. {"en": "Popcorn", "de": "Popcorn"} */
                            names: {
                                en: string;
                            } & {
                                [key: string]: string;
                            };
                            /** @description Descriptions by language, e.g. {"en": "...", "de": "..."} */
                            descriptions: {
                                [key: string]: string;
                            };
                            /** @description names resolved for ?lang= or Accept-Language (fallback en) */
                            name: string;
                            description: string | null;
                            image: {
                                width: number;
                                height: number;
                                variants: {
                                    width: number;
                                    /** @enum {unknown} */
                                    format: "webp" | "jpeg";
                                    url: string;
                                }[];
                            } | null;
                            allergens: string[];
                            dietary: string[];
                            trackStock: boolean;
                            sortOrder: number;
                            active: boolean;
                            variants: {
                                /** Format: uuid */
                                id: string;
                                code: string;
                                /** @description By language: English required, e.g. {"en": "Popcorn", "de": "Popcorn"} */
                                names: {
                                    en: string;
                                } & {
                                    [key: string]: string;
                                };
                                name: string;
                                sortOrder: number;
                                active: boolean;
                            }[];
                            slots: {
                                /** Format: uuid */
                                id: string;
                                /** @description By language: English required, e.g. {"en": "Popcorn", "de": "Popcorn"} */
                                names: {
                                    en: string;
                                } & {
                                    [key: string]: string;
                                };
                                name: string;
                                quantity: number;
                                choices: {
                                    /** Format: uuid */
                                    variantId: string;
                                    /** Format: uuid */
                                    productId: string;
                                    name: string;
                                    /** @description Minor units, in each cinema’s currency (the menu gives Money) */
                                    surcharge: number;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/concession-products/{id}/image": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Upload a concession product’s image (JPEG, PNG or WebP, up to 10 MiB; admin)
         * @description 404 concession_product_not_found; 415 unsupported_media_type for anything but an image.
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {unknown} */
                            kind: "item" | "combo";
                            category: string;
                            /** @description By language: English required, e.g. {"en": "Popcorn", "de": "Popcorn"} */
                            names: {
                                en: string;
                            } & {
                                [key: string]: string;
                            };
                            /** @description Descriptions by language, e.g. {"en": "...", "de": "..."} */
                            descriptions: {
                                [key: string]: string;
                            };
                            /** @description names resolved for ?lang= or Accept-Language (fallback en) */
                            name: string;
                            description: string | null;
                            image: {
                                width: number;
                                height: number;
                                variants: {
                                    width: number;
                                    /** @enum {unknown} */
                                    format: "webp" | "jpeg";
                                    url: string;
                                }[];
                            } | null;
                            allergens: string[];
                            dietary: string[];
                            trackStock: boolean;
                            sortOrder: number;
                            active: boolean;
                            variants: {
                                /** Format: uuid */
                                id: string;
                                code: string;
                                /** @description By language: English required, e.g. {"en": "Popcorn", "de": "Popcorn"} */
                                names: {
                                    en: string;
                                } & {
                                    [key: string]: string;
                                };
                                name: string;
                                sortOrder: number;
                                active: boolean;
                            }[];
                            slots: {
                                /** Format: uuid */
                                id: string;
                                /** @description By language: English required, e.g. {"en": "Popcorn", "de": "Popcorn"} */
                                names: {
                                    en: string;
                                } & {
                                    [key: string]: string;
                                };
                                name: string;
                                quantity: number;
                                choices: {
                                    /** Format: uuid */
                                    variantId: string;
                                    /** Format: uuid */
                                    productId: string;
                                    name: string;
                                    /** @description Minor units, in each cinema’s currency (the menu gives Money) */
                                    surcharge: number;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /** Remove a concession product’s image (admin); its files go with the next media sweep */
        delete: {
            parameters: {
                query?: {
                    /** @description Language of name/description (else Accept-Language; fallback en) */
                    lang?: string;
                };
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {unknown} */
                            kind: "item" | "combo";
                            category: string;
                            /** @description By language: English required, e.g. {"en": "Popcorn", "de": "Popcorn"} */
                            names: {
                                en: string;
                            } & {
                                [key: string]: string;
                            };
                            /** @description Descriptions by language, e.g. {"en": "...", "de": "..."} */
                            descriptions: {
                                [key: string]: string;
                            };
                            /** @description names resolved for ?lang= or Accept-Language (fallback en) */
                            name: string;
                            description: string | null;
                            image: {
                                width: number;
                                height: number;
                                variants: {
                                    width: number;
                                    /** @enum {unknown} */
                                    format: "webp" | "jpeg";
                                    url: string;
                                }[];
                            } | null;
                            allergens: string[];
                            dietary: string[];
                            trackStock: boolean;
                            sortOrder: number;
                            active: boolean;
                            variants: {
                                /** Format: uuid */
                                id: string;
                                code: string;
                                /** @description By language: English required, e.g. {"en": "Popcorn", "de": "Popcorn"} */
                                names: {
                                    en: string;
                                } & {
                                    [key: string]: string;
                                };
                                name: string;
                                sortOrder: number;
                                active: boolean;
                            }[];
                            slots: {
                                /** Format: uuid */
                                id: string;
                                /** @description By language: English required, e.g. {"en": "Popcorn", "de": "Popcorn"} */
                                names: {
                                    en: string;
                                } & {
                                    [key: string]: string;
                                };
                                name: string;
                                quantity: number;
                                choices: {
                                    /** Format: uuid */
                                    variantId: string;
                                    /** Format: uuid */
                                    productId: string;
                                    name: string;
                                    /** @description Minor units, in each cinema’s currency (the menu gives Money) */
                                    surcharge: number;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cinemas/{id}/concession-offers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What a cinema sells: price, tax kind and on/off sale per size (staff)
         * @description 404 cinema_not_found.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                productId: string;
                                /** Format: uuid */
                                variantId: string;
                                price: {
                                    /** @description Minor units */
                                    amount: number;
                                    /** @description ISO 4217 */
                                    currency: string;
                                };
                                /**
                                 * @description Which of the cinema's finance rates applies (rate_food, rate_merchandise, the default rate)
                                 * @enum {unknown}
                                 */
                                taxKind: "food" | "merchandise" | "default";
                                onSale: boolean;
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cinemas/{id}/concession-offers/{productId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set a product’s prices, tax kind and sale state at a cinema (admin)
         * @description 404 cinema_not_found, concession_product_not_found; 422 validation_failed for a price of an unknown size; 409 concession_currency_mismatch when the cinema sells food in another currency.
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                    productId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description ISO 4217; one currency per cinema */
                        currency: string;
                        /**
                         * @description Which of the cinema's finance rates applies (rate_food, rate_merchandise, the default rate)
                         * @enum {unknown}
                         */
                        taxKind: "food" | "merchandise" | "default";
                        onSale: boolean;
                        /** @description Price per variant code in minor units: {"small": 450, "large": 650}; sizes left out are not sold here */
                        prices: {
                            [key: string]: number;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                productId: string;
                                /** Format: uuid */
                                variantId: string;
                                price: {
                                    /** @description Minor units */
                                    amount: number;
                                    /** @description ISO 4217 */
                                    currency: string;
                                };
                                /**
                                 * @description Which of the cinema's finance rates applies (rate_food, rate_merchandise, the default rate)
                                 * @enum {unknown}
                                 */
                                taxKind: "food" | "merchandise" | "default";
                                onSale: boolean;
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cinemas/{id}/menu": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A cinema’s food and drink menu (public): active products on sale, sold-out sizes marked
         * @description 404 cinema_not_found. Cached for 30 seconds.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Language of name/description (else Accept-Language; fallback en) */
                    lang?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            cinemaId: string;
                            currency: string | null;
                            items: {
                                /** Format: uuid */
                                productId: string;
                                /** @enum {unknown} */
                                kind: "item" | "combo";
                                category: string;
                                name: string;
                                description: string | null;
                                imageUrl: string | null;
                                image: {
                                    width: number;
                                    height: number;
                                    variants: {
                                        width: number;
                                        /** @enum {unknown} */
                                        format: "webp" | "jpeg";
                                        url: string;
                                    }[];
                                } | null;
                                allergens: string[];
                                dietary: string[];
                                variants: {
                                    /** Format: uuid */
                                    variantId: string;
                                    code: string;
                                    name: string;
                                    price: {
                                        /** @description Minor units */
                                        amount: number;
                                        /** @description ISO 4217 */
                                        currency: string;
                                    };
                                    /** @description false when its tracked stock here is 0 (or a slot has nothing left) */
                                    available: boolean;
                                }[];
                                slots: {
                                    /** Format: uuid */
                                    slotId: string;
                                    name: string;
                                    quantity: number;
                                    choices: {
                                        /** Format: uuid */
                                        variantId: string;
                                        /** Format: uuid */
                                        productId: string;
                                        name: string;
                                        surcharge: {
                                            /** @description Minor units */
                                            amount: number;
                                            /** @description ISO 4217 */
                                            currency: string;
                                        };
                                        available: boolean;
                                    }[];
                                }[];
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cinemas/{id}/stock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stock on hand at a cinema per tracked size (staff) */
        get: {
            parameters: {
                query?: {
                    /** @description Language of name/description (else Accept-Language; fallback en) */
                    lang?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                productId: string;
                                /** Format: uuid */
                                variantId: string;
                                name: string;
                                variantName: string;
                                onHand: number;
                                updatedAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cinemas/{id}/stock/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive a delivery: adds to stock on hand (staff)
         * @description 404 cinema_not_found; 422 concession_variant_not_found (variantIds), stock_not_tracked (variantIds), validation_failed (a variant on two lines).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description One line per variant */
                        lines: {
                            /** Format: uuid */
                            variantId: string;
                            quantity: number;
                        }[];
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            lines: {
                                /** Format: uuid */
                                variantId: string;
                                quantity: number;
                                onHand: number;
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cinemas/{id}/stock/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a stock count: on hand becomes what was counted; the difference is reported (staff)
         * @description 404 cinema_not_found; 422 concession_variant_not_found (variantIds), stock_not_tracked (variantIds), validation_failed (a variant on two lines). Units that held or paid orders took but nobody collected yet are still on the shelf: expected = on hand + those, on hand becomes counted − those; 409 count_below_reserved (variantIds) when fewer were counted.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description One line per variant */
                        lines: {
                            /** Format: uuid */
                            variantId: string;
                            counted: number;
                        }[];
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            lines: {
                                /** Format: uuid */
                                variantId: string;
                                expected: number;
                                counted: number;
                                /** @description counted - expected: negative when some went missing */
                                difference: number;
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cinemas/{id}/stock/write-offs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Write off stock (broken, expired) with a note (staff)
         * @description 404 cinema_not_found; 422 concession_variant_not_found (variantIds), stock_not_tracked (variantIds), validation_failed (a variant on two lines). 409 stock_insufficient (variantIds) when less is on hand.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description One line per variant */
                        lines: {
                            /** Format: uuid */
                            variantId: string;
                            quantity: number;
                        }[];
                        note: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            lines: {
                                /** Format: uuid */
                                variantId: string;
                                quantity: number;
                                onHand: number;
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cinemas/{id}/stock/movements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stock movements at a cinema, newest first: deliveries, counts with differences, write-offs (staff) */
        get: {
            parameters: {
                query?: {
                    kind?: "delivery" | "count" | "write_off";
                    /** @description YYYY-MM-DD (UTC), inclusive */
                    from?: string;
                    /** @description YYYY-MM-DD (UTC), inclusive */
                    to?: string;
                    limit?: number;
                    cursor?: string;
                    lang?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {unknown} */
                                kind: "delivery" | "count" | "write_off";
                                /** Format: uuid */
                                productId: string;
                                /** Format: uuid */
                                variantId: string;
                                name: string;
                                variantName: string;
                                /** @description The change to on hand (a count: its difference) */
                                quantity: number;
                                expected: number | null;
                                counted: number | null;
                                difference: number | null;
                                onHandAfter: number;
                                userId: string | null;
                                note: string | null;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/concessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Concession takings per cinema and local day, product or staff member (staff)
         * @description From paid orders by the local day they were paid; refunded is what was refunded of them. Online orders have staffUserId null ("online"). 422 validation_failed for a range over 366 days or to before from.
         */
        get: {
            parameters: {
                query: {
                    cinemaId?: string;
                    /** @description YYYY-MM-DD, a local day of the cinema */
                    from: string;
                    /** @description YYYY-MM-DD, a local day of the cinema */
                    to: string;
                    groupBy?: "day" | "product" | "staff";
                    lang?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                cinemaId: string;
                                day?: string;
                                /** Format: uuid */
                                productId?: string;
                                productName?: string;
                                staffUserId?: string | null;
                                /** @description "online" for web and guest orders */
                                staffName?: string;
                                /** @description Units sold */
                                quantity: number;
                                gross: {
                                    /** @description Minor units */
                                    amount: number;
                                    /** @description ISO 4217 */
                                    currency: string;
                                };
                                refunded: {
                                    /** @description Minor units */
                                    amount: number;
                                    /** @description ISO 4217 */
                                    currency: string;
                                };
                            }[];
                            totals: {
                                quantity: number;
                                gross: {
                                    /** @description Minor units */
                                    amount: number;
                                    /** @description ISO 4217 */
                                    currency: string;
                                };
                                refunded: {
                                    /** @description Minor units */
                                    amount: number;
                                    /** @description ISO 4217 */
                                    currency: string;
                                };
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/concessions.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Concession takings as CSV (staff)
         * @description From paid orders by the local day they were paid; refunded is what was refunded of them. Online orders have staffUserId null ("online"). 422 validation_failed for a range over 366 days or to before from.
         */
        get: {
            parameters: {
                query: {
                    cinemaId?: string;
                    /** @description YYYY-MM-DD, a local day of the cinema */
                    from: string;
                    /** @description YYYY-MM-DD, a local day of the cinema */
                    to: string;
                    groupBy?: "day" | "product" | "staff";
                    lang?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/concessions/attach-rate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Food and drink items per ticket sold, per movie (staff)
         * @description Over the showtimes of local days [from, to]: live tickets, and units (net of refunds) of paid food orders with their bookings.
         */
        get: {
            parameters: {
                query: {
                    cinemaId?: string;
                    /** @description YYYY-MM-DD, a local day of the cinema */
                    from: string;
                    /** @description YYYY-MM-DD, a local day of the cinema */
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                movieId: string;
                                title: string;
                                /** @description Live tickets of its showtimes in the range */
                                tickets: number;
                                /** @description Food and drink units bought with those bookings, net of refunds */
                                items: number;
                                /** @description items / tickets (0 without tickets) */
                                attachRate: number;
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/concessions/attach-rate.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Attach rate per movie as CSV (staff)
         * @description Over the showtimes of local days [from, to]: live tickets, and units (net of refunds) of paid food orders with their bookings.
         */
        get: {
            parameters: {
                query: {
                    cinemaId?: string;
                    /** @description YYYY-MM-DD, a local day of the cinema */
                    from: string;
                    /** @description YYYY-MM-DD, a local day of the cinema */
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bookings/{id}/food": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set the food of a held booking
         * @description Replaces the food of a held booking with these items (`[]` removes it); stock is taken now and given back when the food changes, the hold is released or expires. priceBreakdown.food and .due follow; one payment covers seats and food; the pickup code comes once it is paid. 409 booking_not_payable / booking_expired unless the booking is a live hold; 422 food_not_on_sale (variantIds), combo_choice_invalid; 409 food_out_of_stock (variantIds); 409 gift_cards_exceed_total when gift cards already pay more than the booking would then cost (remove them first); 409 concession_currency_mismatch.
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description [] removes the food */
                        items: {
                            /** Format: uuid */
                            variantId: string;
                            quantity: number;
                            choices?: {
                                /** Format: uuid */
                                slotId: string;
                                /** Format: uuid */
                                variantId: string;
                            }[];
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            status: "held" | "confirmed" | "refunded" | "expired" | "cancelled";
                            /** Format: uuid */
                            showtimeId: string;
                            /**
                             * Format: uuid
                             * @description The account that holds the booking; null for a guest booking. A till sale carries the cashier's id (its emails go to the address given at the till)
                             */
                            userId: string | null;
                            seats: {
                                /** Format: uuid */
                                seatId: string;
                                row: string;
                                number: number;
                                /** @enum {string} */
                                type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                price: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description The ticket type's code (adult, child, …) */
                                ticketType: string;
                                /** @description The ticket type's English name */
                                ticketTypeName: string;
                            }[];
                            total: {
                                amount: number;
                                currency: string;
                            };
                            /** @description tickets = total (the seats); subtotal = tickets + food; due = subtotal − discount − giftCards, what the payment charges (0: nothing to charge). A promo code discounts tickets only. */
                            priceBreakdown: {
                                tickets: {
                                    amount: number;
                                    currency: string;
                                };
                                food: {
                                    amount: number;
                                    currency: string;
                                };
                                subtotal: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description The promo code applied to the booking (POST /bookings/{id}/promo-code), or null */
                                discount: {
                                    /** @description The promo code as applied (upper case) */
                                    code: string;
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                } | null;
                                giftCards: {
                                    amount: number;
                                    currency: string;
                                };
                                due: {
                                    amount: number;
                                    currency: string;
                                };
                            };
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            confirmedAt: string | null;
                            /**
                             * Format: date-time
                             * @description When the hold was kept longer (POST …/extend); null until then. A hold extends once only.
                             */
                            holdExtendedAt: string | null;
                            /** @description Issue 17: the food and drink ordered with the booking (PUT /bookings/{id}/food), null without */
                            food?: {
                                /** Format: uuid */
                                id: string;
                                /**
                                 * @description held with its booking; paid with it; cancelled when the hold went; refunded when nothing is left
                                 * @enum {string}
                                 */
                                status: "held" | "paid" | "cancelled" | "refunded";
                                /** Format: uuid */
                                cinemaId: string;
                                /** @description What the counter scans or types (10 characters); null until the order is paid */
                                pickupCode: string | null;
                                /** @description GET this for the pickup QR (SVG): /concession-orders/{id}/pickup.svg, a guest booking's /guest/bookings/{id}/food/pickup.svg (with its token); null until the order is paid */
                                pickupQrUrl: string | null;
                                items: {
                                    /** Format: uuid */
                                    lineId: string;
                                    /** Format: uuid */
                                    productId: string;
                                    /** Format: uuid */
                                    variantId: string;
                                    /** @description Product and size, in the request language */
                                    name: string;
                                    quantity: number;
                                    unitPrice: {
                                        amount: number;
                                        currency: string;
                                    };
                                    total: {
                                        amount: number;
                                        currency: string;
                                    };
                                    /** @description A combo's choices, one per slot */
                                    choices: {
                                        /** Format: uuid */
                                        slotId: string;
                                        /** Format: uuid */
                                        variantId: string;
                                        name: string;
                                    }[];
                                    /** @description How many were handed over at the counter */
                                    collected: number;
                                    /** @description How many were refunded (never collected) */
                                    refunded: number;
                                }[];
                                total: {
                                    amount: number;
                                    currency: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description When the last line was handed over
                                 */
                                collectedAt: string | null;
                            } | null;
                            tickets?: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                bookingId: string;
                                /** Format: uuid */
                                showtimeId: string;
                                seat: {
                                    /** Format: uuid */
                                    seatId: string;
                                    row: string;
                                    number: number;
                                    /** @enum {string} */
                                    type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                };
                                price: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description Self-signed (Ed25519) ticket code, as in the QR code */
                                code: string;
                                /** @enum {string} */
                                status: "valid" | "used" | "void";
                                /** Format: date-time */
                                checkedInAt: string | null;
                                /** @description The ticket type's code (adult, child, …) */
                                ticketType?: string;
                            }[];
                            refunds?: {
                                /** Format: uuid */
                                id: string;
                                amount: {
                                    amount: number;
                                    currency: string;
                                };
                                giftCardAmount: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @enum {string} */
                                status: "pending" | "succeeded";
                                /** @description customer_cancel, showtime_cancelled, booking_unavailable, late_success or food_refund (food alone) */
                                reason: string;
                                ticketIds: string[];
                                food?: {
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                    lines: {
                                        /** Format: uuid */
                                        lineId: string;
                                        name: string;
                                        quantity: number;
                                        amount: {
                                            amount: number;
                                            currency: string;
                                        };
                                    }[];
                                } | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                completedAt: string | null;
                            }[];
                            /** @description The refund policy cancelling is judged by (confirmed bookings) */
                            refundPolicy?: {
                                /** @description Without tiers: everything back until this many minutes before the start, nothing after */
                                cutoffMinutes: number;
                                tiers?: {
                                    minutesBefore: number;
                                    percent: number;
                                }[];
                                /**
                                 * Format: date-time
                                 * @description The showtime moved after this booking was paid: cancelling gives everything back until then (the new start), whatever the cut-off or tiers say
                                 */
                                fullRefundUntil?: string;
                                /**
                                 * @description Why fullRefundUntil applies: showtime_moved, or at_till (paid at a box office till: refunded there, in full until the start; cancelling online is 409 refund_at_till)
                                 * @enum {string}
                                 */
                                reason?: "showtime_moved" | "at_till";
                            };
                            /** @description What cancelling every valid ticket would refund at `asOf` (confirmed bookings); 0 when the window has closed */
                            refundPreview?: {
                                amount: {
                                    amount: number;
                                    currency: string;
                                };
                                percent: number;
                                /** Format: date-time */
                                asOf: string;
                            };
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/guest/bookings/{id}/food": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set the food of a held guest booking
         * @description Replaces the food of a held booking with these items (`[]` removes it); stock is taken now and given back when the food changes, the hold is released or expires. priceBreakdown.food and .due follow; one payment covers seats and food; the pickup code comes once it is paid. 409 booking_not_payable / booking_expired unless the booking is a live hold; 422 food_not_on_sale (variantIds), combo_choice_invalid; 409 food_out_of_stock (variantIds); 409 gift_cards_exceed_total when gift cards already pay more than the booking would then cost (remove them first); 409 concession_currency_mismatch.
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description [] removes the food */
                        items: {
                            /** Format: uuid */
                            variantId: string;
                            quantity: number;
                            choices?: {
                                /** Format: uuid */
                                slotId: string;
                                /** Format: uuid */
                                variantId: string;
                            }[];
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            status: "held" | "confirmed" | "refunded" | "expired" | "cancelled";
                            /** Format: uuid */
                            showtimeId: string;
                            /**
                             * Format: uuid
                             * @description The account that holds the booking; null for a guest booking. A till sale carries the cashier's id (its emails go to the address given at the till)
                             */
                            userId: string | null;
                            seats: {
                                /** Format: uuid */
                                seatId: string;
                                row: string;
                                number: number;
                                /** @enum {string} */
                                type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                price: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description The ticket type's code (adult, child, …) */
                                ticketType: string;
                                /** @description The ticket type's English name */
                                ticketTypeName: string;
                            }[];
                            total: {
                                amount: number;
                                currency: string;
                            };
                            /** @description tickets = total (the seats); subtotal = tickets + food; due = subtotal − discount − giftCards, what the payment charges (0: nothing to charge). A promo code discounts tickets only. */
                            priceBreakdown: {
                                tickets: {
                                    amount: number;
                                    currency: string;
                                };
                                food: {
                                    amount: number;
                                    currency: string;
                                };
                                subtotal: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description The promo code applied to the booking (POST /bookings/{id}/promo-code), or null */
                                discount: {
                                    /** @description The promo code as applied (upper case) */
                                    code: string;
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                } | null;
                                giftCards: {
                                    amount: number;
                                    currency: string;
                                };
                                due: {
                                    amount: number;
                                    currency: string;
                                };
                            };
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            confirmedAt: string | null;
                            /**
                             * Format: date-time
                             * @description When the hold was kept longer (POST …/extend); null until then. A hold extends once only.
                             */
                            holdExtendedAt: string | null;
                            /** @description Issue 17: the food and drink ordered with the booking (PUT /bookings/{id}/food), null without */
                            food?: {
                                /** Format: uuid */
                                id: string;
                                /**
                                 * @description held with its booking; paid with it; cancelled when the hold went; refunded when nothing is left
                                 * @enum {string}
                                 */
                                status: "held" | "paid" | "cancelled" | "refunded";
                                /** Format: uuid */
                                cinemaId: string;
                                /** @description What the counter scans or types (10 characters); null until the order is paid */
                                pickupCode: string | null;
                                /** @description GET this for the pickup QR (SVG): /concession-orders/{id}/pickup.svg, a guest booking's /guest/bookings/{id}/food/pickup.svg (with its token); null until the order is paid */
                                pickupQrUrl: string | null;
                                items: {
                                    /** Format: uuid */
                                    lineId: string;
                                    /** Format: uuid */
                                    productId: string;
                                    /** Format: uuid */
                                    variantId: string;
                                    /** @description Product and size, in the request language */
                                    name: string;
                                    quantity: number;
                                    unitPrice: {
                                        amount: number;
                                        currency: string;
                                    };
                                    total: {
                                        amount: number;
                                        currency: string;
                                    };
                                    /** @description A combo's choices, one per slot */
                                    choices: {
                                        /** Format: uuid */
                                        slotId: string;
                                        /** Format: uuid */
                                        variantId: string;
                                        name: string;
                                    }[];
                                    /** @description How many were handed over at the counter */
                                    collected: number;
                                    /** @description How many were refunded (never collected) */
                                    refunded: number;
                                }[];
                                total: {
                                    amount: number;
                                    currency: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description When the last line was handed over
                                 */
                                collectedAt: string | null;
                            } | null;
                            tickets?: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                bookingId: string;
                                /** Format: uuid */
                                showtimeId: string;
                                seat: {
                                    /** Format: uuid */
                                    seatId: string;
                                    row: string;
                                    number: number;
                                    /** @enum {string} */
                                    type: "standard" | "vip" | "accessible" | "companion" | "blocked";
                                };
                                price: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description Self-signed (Ed25519) ticket code, as in the QR code */
                                code: string;
                                /** @enum {string} */
                                status: "valid" | "used" | "void";
                                /** Format: date-time */
                                checkedInAt: string | null;
                                /** @description The ticket type's code (adult, child, …) */
                                ticketType?: string;
                            }[];
                            refunds?: {
                                /** Format: uuid */
                                id: string;
                                amount: {
                                    amount: number;
                                    currency: string;
                                };
                                giftCardAmount: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @enum {string} */
                                status: "pending" | "succeeded";
                                /** @description customer_cancel, showtime_cancelled, booking_unavailable, late_success or food_refund (food alone) */
                                reason: string;
                                ticketIds: string[];
                                food?: {
                                    amount: {
                                        amount: number;
                                        currency: string;
                                    };
                                    lines: {
                                        /** Format: uuid */
                                        lineId: string;
                                        name: string;
                                        quantity: number;
                                        amount: {
                                            amount: number;
                                            currency: string;
                                        };
                                    }[];
                                } | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                completedAt: string | null;
                            }[];
                            /** @description The refund policy cancelling is judged by (confirmed bookings) */
                            refundPolicy?: {
                                /** @description Without tiers: everything back until this many minutes before the start, nothing after */
                                cutoffMinutes: number;
                                tiers?: {
                                    minutesBefore: number;
                                    percent: number;
                                }[];
                                /**
                                 * Format: date-time
                                 * @description The showtime moved after this booking was paid: cancelling gives everything back until then (the new start), whatever the cut-off or tiers say
                                 */
                                fullRefundUntil?: string;
                                /**
                                 * @description Why fullRefundUntil applies: showtime_moved, or at_till (paid at a box office till: refunded there, in full until the start; cancelling online is 409 refund_at_till)
                                 * @enum {string}
                                 */
                                reason?: "showtime_moved" | "at_till";
                            };
                            /** @description What cancelling every valid ticket would refund at `asOf` (confirmed bookings); 0 when the window has closed */
                            refundPreview?: {
                                amount: {
                                    amount: number;
                                    currency: string;
                                };
                                percent: number;
                                /** Format: date-time */
                                asOf: string;
                            };
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/guest/bookings/{id}/food/pickup.svg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The pickup QR (SVG) of a guest booking's paid food
         * @description 404 concession_order_not_found (also before it is paid).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/concession-orders/{id}/pickup.svg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A paid food order's pickup QR (SVG): the owner or staff
         * @description 404 concession_order_not_found (also before it is paid).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/concession-orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A food order: its owner or staff
         * @description 404 concession_order_not_found. Names in ?lang= or Accept-Language.
         */
        get: {
            parameters: {
                query?: {
                    lang?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Food and drink ordered with a booking (issue 17), or sold at the till */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /**
                             * @description held with its booking; paid with it; cancelled when the hold went; refunded when nothing is left
                             * @enum {string}
                             */
                            status: "held" | "paid" | "cancelled" | "refunded";
                            /** Format: uuid */
                            cinemaId: string;
                            /** @description What the counter scans or types (10 characters); null until the order is paid */
                            pickupCode: string | null;
                            /** @description GET this for the pickup QR (SVG): /concession-orders/{id}/pickup.svg, a guest booking's /guest/bookings/{id}/food/pickup.svg (with its token); null until the order is paid */
                            pickupQrUrl: string | null;
                            items: {
                                /** Format: uuid */
                                lineId: string;
                                /** Format: uuid */
                                productId: string;
                                /** Format: uuid */
                                variantId: string;
                                /** @description Product and size, in the request language */
                                name: string;
                                quantity: number;
                                unitPrice: {
                                    amount: number;
                                    currency: string;
                                };
                                total: {
                                    amount: number;
                                    currency: string;
                                };
                                /** @description A combo's choices, one per slot */
                                choices: {
                                    /** Format: uuid */
                                    slotId: string;
                                    /** Format: uuid */
                                    variantId: string;
                                    name: string;
                                }[];
                                /** @description How many were handed over at the counter */
                                collected: number;
                                /** @description How many were refunded (never collected) */
                                refunded: number;
                            }[];
                            total: {
                                amount: number;
                                currency: string;
                            };
                            /**
                             * Format: date-time
                             * @description When the last line was handed over
                             */
                            collectedAt: string | null;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/concession-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A cinema's food orders, newest first (staff)
         * @description date: paid on that day in the cinema's zone. 404 cinema_not_found for a date at an unknown cinema.
         */
        get: {
            parameters: {
                query: {
                    cinemaId: string;
                    /** @description held with its booking; paid with it; cancelled when the hold went; refunded when nothing is left */
                    status?: "held" | "paid" | "cancelled" | "refunded";
                    /** @description Paid on this day (the cinema's zone) */
                    date?: string;
                    limit?: number;
                    lang?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /**
                                 * @description held with its booking; paid with it; cancelled when the hold went; refunded when nothing is left
                                 * @enum {string}
                                 */
                                status: "held" | "paid" | "cancelled" | "refunded";
                                /** Format: uuid */
                                cinemaId: string;
                                /** @description What the counter scans or types (10 characters); null until the order is paid */
                                pickupCode: string | null;
                                /** @description GET this for the pickup QR (SVG): /concession-orders/{id}/pickup.svg, a guest booking's /guest/bookings/{id}/food/pickup.svg (with its token); null until the order is paid */
                                pickupQrUrl: string | null;
                                items: {
                                    /** Format: uuid */
                                    lineId: string;
                                    /** Format: uuid */
                                    productId: string;
                                    /** Format: uuid */
                                    variantId: string;
                                    /** @description Product and size, in the request language */
                                    name: string;
                                    quantity: number;
                                    unitPrice: {
                                        amount: number;
                                        currency: string;
                                    };
                                    total: {
                                        amount: number;
                                        currency: string;
                                    };
                                    /** @description A combo's choices, one per slot */
                                    choices: {
                                        /** Format: uuid */
                                        slotId: string;
                                        /** Format: uuid */
                                        variantId: string;
                                        name: string;
                                    }[];
                                    /** @description How many were handed over at the counter */
                                    collected: number;
                                    /** @description How many were refunded (never collected) */
                                    refunded: number;
                                }[];
                                total: {
                                    amount: number;
                                    currency: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description When the last line was handed over
                                 */
                                collectedAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/concession-pickups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hand over a food order at the counter by its pickup code (staff)
         * @description Hands over what is left of the order of this pickup code (or the lines given, part of a line too) and answers what to hand over. Exactly once under concurrent scans. 404 pickup_not_found; 409 already_collected (collectedAt, lineIds), order_not_paid, order_refunded, pickup_wrong_cinema (cinemaId); 422 pickup_line_invalid.
         */
        post: {
            parameters: {
                query?: {
                    lang?: string;
                };
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The pickup code (case, spaces and dashes ignored) */
                        code: string;
                        /** Format: uuid */
                        cinemaId?: string;
                        /** @description Hand over only these (partial collection); without: everything left */
                        lines?: {
                            /** Format: uuid */
                            lineId: string;
                            quantity: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Food and drink ordered with a booking (issue 17), or sold at the till */
                            order: {
                                /** Format: uuid */
                                id: string;
                                /**
                                 * @description held with its booking; paid with it; cancelled when the hold went; refunded when nothing is left
                                 * @enum {string}
                                 */
                                status: "held" | "paid" | "cancelled" | "refunded";
                                /** Format: uuid */
                                cinemaId: string;
                                /** @description What the counter scans or types (10 characters); null until the order is paid */
                                pickupCode: string | null;
                                /** @description GET this for the pickup QR (SVG): /concession-orders/{id}/pickup.svg, a guest booking's /guest/bookings/{id}/food/pickup.svg (with its token); null until the order is paid */
                                pickupQrUrl: string | null;
                                items: {
                                    /** Format: uuid */
                                    lineId: string;
                                    /** Format: uuid */
                                    productId: string;
                                    /** Format: uuid */
                                    variantId: string;
                                    /** @description Product and size, in the request language */
                                    name: string;
                                    quantity: number;
                                    unitPrice: {
                                        amount: number;
                                        currency: string;
                                    };
                                    total: {
                                        amount: number;
                                        currency: string;
                                    };
                                    /** @description A combo's choices, one per slot */
                                    choices: {
                                        /** Format: uuid */
                                        slotId: string;
                                        /** Format: uuid */
                                        variantId: string;
                                        name: string;
                                    }[];
                                    /** @description How many were handed over at the counter */
                                    collected: number;
                                    /** @description How many were refunded (never collected) */
                                    refunded: number;
                                }[];
                                total: {
                                    amount: number;
                                    currency: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description When the last line was handed over
                                 */
                                collectedAt: string | null;
                            };
                            handedOver: {
                                /** Format: uuid */
                                lineId: string;
                                name: string;
                                quantity: number;
                                choices: {
                                    /** Format: uuid */
                                    slotId: string;
                                    /** Format: uuid */
                                    variantId: string;
                                    name: string;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/concession-pickups/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What a pickup code would hand over, without collecting (staff)
         * @description 404 pickup_not_found.
         */
        get: {
            parameters: {
                query?: {
                    lang?: string;
                };
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Food and drink ordered with a booking (issue 17), or sold at the till */
                            order: {
                                /** Format: uuid */
                                id: string;
                                /**
                                 * @description held with its booking; paid with it; cancelled when the hold went; refunded when nothing is left
                                 * @enum {string}
                                 */
                                status: "held" | "paid" | "cancelled" | "refunded";
                                /** Format: uuid */
                                cinemaId: string;
                                /** @description What the counter scans or types (10 characters); null until the order is paid */
                                pickupCode: string | null;
                                /** @description GET this for the pickup QR (SVG): /concession-orders/{id}/pickup.svg, a guest booking's /guest/bookings/{id}/food/pickup.svg (with its token); null until the order is paid */
                                pickupQrUrl: string | null;
                                items: {
                                    /** Format: uuid */
                                    lineId: string;
                                    /** Format: uuid */
                                    productId: string;
                                    /** Format: uuid */
                                    variantId: string;
                                    /** @description Product and size, in the request language */
                                    name: string;
                                    quantity: number;
                                    unitPrice: {
                                        amount: number;
                                        currency: string;
                                    };
                                    total: {
                                        amount: number;
                                        currency: string;
                                    };
                                    /** @description A combo's choices, one per slot */
                                    choices: {
                                        /** Format: uuid */
                                        slotId: string;
                                        /** Format: uuid */
                                        variantId: string;
                                        name: string;
                                    }[];
                                    /** @description How many were handed over at the counter */
                                    collected: number;
                                    /** @description How many were refunded (never collected) */
                                    refunded: number;
                                }[];
                                total: {
                                    amount: number;
                                    currency: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description When the last line was handed over
                                 */
                                collectedAt: string | null;
                            };
                            /** @description What is left to collect */
                            toHandOver: {
                                /** Format: uuid */
                                lineId: string;
                                name: string;
                                quantity: number;
                                choices: {
                                    /** Format: uuid */
                                    slotId: string;
                                    /** Format: uuid */
                                    variantId: string;
                                    name: string;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/showtimes/{id}/waitlist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Join the waiting list of a sold-out showtime for N seats together
         * @description Signed in, or as a guest with `email` (and `name`). When seats come back, the first entry whose seats fit (side by side when possible) is offered them: held as a booking for WAITLIST_OFFER_MINUTES, by email and in `GET /waitlist`. 409 `showtime_not_sold_out` while seats are free, `already_on_waitlist` for a second live entry, `showtime_not_bookable` when cancelled or started; 422 without `email` when signed out; 429 `rate_limited` (with Retry-After) past RATE_LIMIT_PER_MINUTE guest joins per client address or 5 per guest email in 10 minutes.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Seats wanted together */
                        seats: number;
                        /**
                         * Format: email
                         * @description A guest's address (signed out only)
                         */
                        email?: string;
                        /** @description A guest's name for the offer */
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            showtimeId: string;
                            seats: number;
                            /** @description `offered`: seats are held for the customer as the booking `offer.bookingId` until `offer.expiresAt`; paying it makes the entry `claimed`, letting it lapse `expired` (the seats go to the next in line) */
                            status: "waiting" | "offered" | "claimed" | "expired" | "cancelled";
                            /** @description Place in line while waiting (1 = next) */
                            position: number | null;
                            offer: {
                                /** Format: uuid */
                                bookingId: string;
                                /** Format: date-time */
                                expiresAt: string;
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description `showtime_not_sold_out`, `already_on_waitlist` or `showtime_not_bookable` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description `rate_limited`: too many guest joins from this address or for this email */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/waitlist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's waiting list entries, newest first, with any offer */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                showtimeId: string;
                                seats: number;
                                /** @description `offered`: seats are held for the customer as the booking `offer.bookingId` until `offer.expiresAt`; paying it makes the entry `claimed`, letting it lapse `expired` (the seats go to the next in line) */
                                status: "waiting" | "offered" | "claimed" | "expired" | "cancelled";
                                /** @description Place in line while waiting (1 = next) */
                                position: number | null;
                                offer: {
                                    /** Format: uuid */
                                    bookingId: string;
                                    /** Format: date-time */
                                    expiresAt: string;
                                } | null;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/waitlist/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Leave the waiting list (an offer not yet paid is given up)
         * @description Idempotent for an entry that is no longer live; 404 for another account's entry.
         */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/showtimes/{id}/waiting-room": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether holds on this showtime go through a waiting room
         * @description Clients ask this, not `GET /api/v1/showtimes/{id}` (which carries no `waitingRoom`): that answer is the catalog’s cached showtime, while a room opens, pauses and ends on its own clock.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Holds on this showtime need an admission token */
                            active: boolean;
                            onSaleAt: string | null;
                            status: ("scheduled" | "open" | "paused" | "ended") | null;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Guard the showtime with a waiting room from its on-sale moment (admin)
         * @description Creates the room or changes its rate and admission length; onSaleAt may move only while the room is scheduled (409 waiting_room_on_sale_fixed). 404 showtime_not_found.
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description Everyone who joins before this moment gets a random place at it; later joiners queue in order
                         */
                        onSaleAt: string;
                        /** @description Places admitted per minute */
                        admissionsPerMinute: number;
                        /** @description How long an admission (its token) lasts; WAITING_ROOM_ADMISSION_MINUTES when not given */
                        admissionMinutes?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            scope: "showtime" | "movie";
                            showtimeId: string | null;
                            movieId: string | null;
                            /** Format: date-time */
                            onSaleAt: string;
                            status: "scheduled" | "open" | "paused" | "ended";
                            admissionsPerMinute: number;
                            admissionMinutes: number;
                            /** @description Visitors with a place (or awaiting the draw) not admitted yet */
                            waiting: number;
                            /** @description Places admitted so far */
                            admitted: number;
                            activeHolds: number | null;
                            sold: number | null;
                            /** @description How long the head of the line has waited since it opened */
                            oldestWaitSeconds: number;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /**
         * End the waiting room: holds need no admission token any more (admin)
         * @description 404 waiting_room_not_found when none is live.
         */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/movies/{id}/waiting-room": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Guard the movie's showtimes with a waiting room from its on-sale moment (admin)
         * @description Creates the room or changes its rate and admission length; onSaleAt may move only while the room is scheduled (409 waiting_room_on_sale_fixed). 404 movie_not_found.
         */
        put: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description Everyone who joins before this moment gets a random place at it; later joiners queue in order
                         */
                        onSaleAt: string;
                        /** @description Places admitted per minute */
                        admissionsPerMinute: number;
                        /** @description How long an admission (its token) lasts; WAITING_ROOM_ADMISSION_MINUTES when not given */
                        admissionMinutes?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            scope: "showtime" | "movie";
                            showtimeId: string | null;
                            movieId: string | null;
                            /** Format: date-time */
                            onSaleAt: string;
                            status: "scheduled" | "open" | "paused" | "ended";
                            admissionsPerMinute: number;
                            admissionMinutes: number;
                            /** @description Visitors with a place (or awaiting the draw) not admitted yet */
                            waiting: number;
                            /** @description Places admitted so far */
                            admitted: number;
                            activeHolds: number | null;
                            sold: number | null;
                            /** @description How long the head of the line has waited since it opened */
                            oldestWaitSeconds: number;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /**
         * End the waiting room: holds need no admission token any more (admin)
         * @description 404 waiting_room_not_found when none is live.
         */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/waiting-rooms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Live waiting rooms with their figures (staff) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                scope: "showtime" | "movie";
                                showtimeId: string | null;
                                movieId: string | null;
                                /** Format: date-time */
                                onSaleAt: string;
                                status: "scheduled" | "open" | "paused" | "ended";
                                admissionsPerMinute: number;
                                admissionMinutes: number;
                                /** @description Visitors with a place (or awaiting the draw) not admitted yet */
                                waiting: number;
                                /** @description Places admitted so far */
                                admitted: number;
                                activeHolds: number | null;
                                sold: number | null;
                                /** @description How long the head of the line has waited since it opened */
                                oldestWaitSeconds: number;
                            }[];
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/waiting-rooms/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A waiting room live: line length, admissions, holds and sales (staff) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            scope: "showtime" | "movie";
                            showtimeId: string | null;
                            movieId: string | null;
                            /** Format: date-time */
                            onSaleAt: string;
                            status: "scheduled" | "open" | "paused" | "ended";
                            admissionsPerMinute: number;
                            admissionMinutes: number;
                            /** @description Visitors with a place (or awaiting the draw) not admitted yet */
                            waiting: number;
                            /** @description Places admitted so far */
                            admitted: number;
                            activeHolds: number | null;
                            sold: number | null;
                            /** @description How long the head of the line has waited since it opened */
                            oldestWaitSeconds: number;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the admission rate (staff) */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Places admitted per minute */
                        admissionsPerMinute: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            scope: "showtime" | "movie";
                            showtimeId: string | null;
                            movieId: string | null;
                            /** Format: date-time */
                            onSaleAt: string;
                            status: "scheduled" | "open" | "paused" | "ended";
                            admissionsPerMinute: number;
                            admissionMinutes: number;
                            /** @description Visitors with a place (or awaiting the draw) not admitted yet */
                            waiting: number;
                            /** @description Places admitted so far */
                            admitted: number;
                            activeHolds: number | null;
                            sold: number | null;
                            /** @description How long the head of the line has waited since it opened */
                            oldestWaitSeconds: number;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/waiting-rooms/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stop admitting; places are kept (staff)
         * @description 409 waiting_room_ended.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            scope: "showtime" | "movie";
                            showtimeId: string | null;
                            movieId: string | null;
                            /** Format: date-time */
                            onSaleAt: string;
                            status: "scheduled" | "open" | "paused" | "ended";
                            admissionsPerMinute: number;
                            admissionMinutes: number;
                            /** @description Visitors with a place (or awaiting the draw) not admitted yet */
                            waiting: number;
                            /** @description Places admitted so far */
                            admitted: number;
                            activeHolds: number | null;
                            sold: number | null;
                            /** @description How long the head of the line has waited since it opened */
                            oldestWaitSeconds: number;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/waiting-rooms/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Admit again at the rate from now (staff)
         * @description 409 waiting_room_ended.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            scope: "showtime" | "movie";
                            showtimeId: string | null;
                            movieId: string | null;
                            /** Format: date-time */
                            onSaleAt: string;
                            status: "scheduled" | "open" | "paused" | "ended";
                            admissionsPerMinute: number;
                            admissionMinutes: number;
                            /** @description Visitors with a place (or awaiting the draw) not admitted yet */
                            waiting: number;
                            /** @description Places admitted so far */
                            admitted: number;
                            activeHolds: number | null;
                            sold: number | null;
                            /** @description How long the head of the line has waited since it opened */
                            oldestWaitSeconds: number;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/waiting-rooms/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The room live (staff): `event: stats` (a WaitingRoom) at once, on each change and every 2 s */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Server-Sent Events: `event: stats` with the WaitingRoom; `event: ping` every 15 s. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/showtimes/{id}/waiting-room/visits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take a place in the showtime’s waiting room (signed in, or a guest with `email`)
         * @description Joining again (same account, guest email or device: the `wr_device` cookie) answers the same place. Before onSaleAt the place is drawn at random at that moment (position null until then); later joiners queue in order. 404 waiting_room_not_found (showtime not guarded); 401 unauthorized without an account or email; 409 waiting_room_device_in_use (this device waits for someone else); 409 waiting_room_place_taken (a guest email waiting from another device); 429 rate_limited past WAITING_ROOM_JOINS_PER_MINUTE per client address.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes a retry safe: the same key and body from the same caller replays the first answer (header `Idempotent-Replayed: true`) for 24 hours; another body with the key is 422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_request_in_progress` (a key whose process died is free again within seconds). An answer that carries a session token (sign-in) is never kept: a retry runs again. */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: email
                         * @description A guest (no account) waits under this address
                         */
                        email?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            visitId: string;
                            /** Format: uuid */
                            showtimeId: string;
                            status: "waiting" | "admitted" | "expired";
                            roomStatus: "scheduled" | "open" | "paused" | "ended";
                            position: number | null;
                            ahead: number | null;
                            estimatedWaitSeconds: number | null;
                            /** Format: date-time */
                            onSaleAt: string;
                            admission: {
                                /** @description Send as the Waiting-Room-Token header of holds on this showtime */
                                token: string;
                                /** Format: date-time */
                                expiresAt: string;
                            } | null;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/showtimes/{id}/waiting-room/visits/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My place in the showtime’s waiting room, with the admission token once admitted
         * @description By account, else by the `wr_device` cookie (guests). 404 visit_not_found.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            visitId: string;
                            /** Format: uuid */
                            showtimeId: string;
                            status: "waiting" | "admitted" | "expired";
                            roomStatus: "scheduled" | "open" | "paused" | "ended";
                            position: number | null;
                            ahead: number | null;
                            estimatedWaitSeconds: number | null;
                            /** Format: date-time */
                            onSaleAt: string;
                            admission: {
                                /** @description Send as the Waiting-Room-Token header of holds on this showtime */
                                token: string;
                                /** Format: date-time */
                                expiresAt: string;
                            } | null;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/showtimes/{id}/waiting-room/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My place live: `event: visit` (a Visit) at once and on every change of the room
         * @description 404 visit_not_found before joining; 429/503 over the live stream caps.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Server-Sent Events: `event: visit` with the Visit; `event: ping` every 15 s. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Audit log: staff and admin changes, newest first (admin)
         * @description Each row a staff or admin request created, changed or deleted in an audited table, with the fields before and after, recorded in the same transaction as the change. Filters combine (all must hold). `actorEmail` matches part of the email the account had at the time; `from` is inclusive, `to` exclusive.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Changes made by this account */
                    actorId?: string;
                    /** @description Changes by accounts whose email (at the time) contains this text, any case */
                    actorEmail?: string;
                    /** @description e.g. `showtime`, `movie`, `ticket_type`, `seat_block` */
                    objectType?: string;
                    /** @description The object’s key */
                    objectId?: string;
                    /** @description `<objectType>.create`, `.update`, `.delete` or `.request` */
                    action?: string;
                    /** @description Changes at or after this instant */
                    from?: string;
                    /** @description Changes before this instant */
                    to?: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description Increases with each entry */
                                id: number;
                                /** Format: date-time */
                                at: string;
                                actor: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @description The email the account had then */
                                    email: string | null;
                                    /** @description The role the account had then */
                                    role: string;
                                } | null;
                                /** @description As TRUST_PROXY resolves it */
                                clientAddress: string | null;
                                /** @description Also in the logs (X-Request-Id) */
                                requestId: string | null;
                                /** @description `METHOD /api/v1/…/:pattern` that made it */
                                route: string | null;
                                action: string;
                                objectType: string;
                                /** @description Key columns joined by `/` */
                                objectId: string | null;
                                cinemaId: string | null;
                                /** @description The fields before (null on create); secrets are never recorded */
                                before: {
                                    [key: string]: unknown;
                                } | null;
                                /** @description The fields after (null on delete) */
                                after: {
                                    [key: string]: unknown;
                                } | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit log as CSV, streamed (RFC 4180, UTF-8, formula-safe) (admin)
         * @description Every entry matching the filters, newest first, read from the database a page at a time while it is sent. `before` and `after` are JSON. Filters combine (all must hold). `actorEmail` matches part of the email the account had at the time; `from` is inclusive, `to` exclusive.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Changes made by this account */
                    actorId?: string;
                    /** @description Changes by accounts whose email (at the time) contains this text, any case */
                    actorEmail?: string;
                    /** @description e.g. `showtime`, `movie`, `ticket_type`, `seat_block` */
                    objectType?: string;
                    /** @description The object’s key */
                    objectId?: string;
                    /** @description `<objectType>.create`, `.update`, `.delete` or `.request` */
                    action?: string;
                    /** @description Changes at or after this instant */
                    from?: string;
                    /** @description Changes before this instant */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description A refusal, as application/problem+json with a stable `code` */
                default: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Problem: {
            /** @description `urn:marquee:problem:` and the code */
            type: string;
            title: string;
            status: number;
            /** @description For people; may change */
            detail: string;
            /** @description Stable: what clients branch on */
            code: string;
            /** @description 422 `validation_failed`: each field at fault */
            errors?: {
                /** @description JSON Pointer to the field, e.g. `/seatIds/0` */
                path: string;
                message: string;
            }[];
            /** @description A finer cause, where the code has several */
            reason?: string;
            /** @description 409 `seats_unavailable`: the seats taken */
            seatIds?: string[];
            /** @description Seconds to wait, as in the Retry-After header */
            retryAfter?: number;
        } & {
            [key: string]: unknown;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
