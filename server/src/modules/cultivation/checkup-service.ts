import {
  classifyEnterprise,
  type EnterpriseClassification,
  type EnterpriseYearFigures,
  type Text,
} from '@kechuang/domain';
import { and, asc, eq, ilike, inArray, or } from 'drizzle-orm';
import type { Actor } from '../../core/context';
import { enterpriseScope } from '../../core/scope';
import type { Database } from '../../db/connection';
import { enterprises, enterpriseYearFigures } from '../../db/schema';
import { loadScopedEnterprise, toStoredFigures } from './figures-service';

export interface Checkup {
  enterpriseId: number;
  name: string;
  asOf: string;
  /** Without a founding date the 高企 registration-age condition cannot be decided. */
  hasFoundingDate: boolean;
  figures: ReturnType<typeof toStoredFigures>[];
  classification: EnterpriseClassification | null;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function classify(
  figures: EnterpriseYearFigures[],
  foundedOn: string | null,
  asOf: string,
): EnterpriseClassification | null {
  if (figures.length === 0) return null;
  return classifyEnterprise({ figures, registeredOn: foundedOn ?? asOf, asOf });
}

/** 科创体检: the enterprise's figures run through both rule engines, with what is missing and by how much. */
export async function readCheckup(
  db: Database,
  options: { actor: Actor; enterpriseId: number; asOf?: string },
): Promise<Checkup> {
  const enterprise = await loadScopedEnterprise(db, options.actor, options.enterpriseId);
  const rows = await db
    .select()
    .from(enterpriseYearFigures)
    .where(eq(enterpriseYearFigures.enterpriseId, enterprise.id))
    .orderBy(asc(enterpriseYearFigures.year));
  const figures = rows.map(toStoredFigures);
  const asOf = options.asOf ?? today();
  return {
    enterpriseId: enterprise.id,
    name: enterprise.name,
    asOf,
    hasFoundingDate: enterprise.foundedOn !== null,
    figures,
    classification: classify(figures, enterprise.foundedOn, asOf),
  };
}

export interface SurveyRow {
  enterpriseId: number;
  creditCode: string;
  name: string;
  street: string | null;
  industry: string | null;
  techSmeLevel: 'qualified' | 'close' | 'far';
  highTechLevel: 'qualified' | 'close' | 'far';
  techSmeMissing: Text[];
  highTechMissing: Text[];
  measures: Text[];
}

/** 摸底调查: every enterprise in scope with figures, classified for both tiers, with the measures to take. */
export async function runSurvey(
  db: Database,
  options: { actor: Actor; asOf?: string; street?: string; industry?: string; keyword?: string },
): Promise<SurveyRow[]> {
  const asOf = options.asOf ?? today();
  const conditions = [enterpriseScope(options.actor)];
  if (options.street) conditions.push(eq(enterprises.street, options.street));
  if (options.industry) conditions.push(eq(enterprises.industry, options.industry));
  if (options.keyword) {
    const pattern = `%${options.keyword.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    const matches = or(ilike(enterprises.name, pattern), ilike(enterprises.creditCode, pattern));
    if (matches) conditions.push(matches);
  }
  const companies = await db
    .select()
    .from(enterprises)
    .where(and(...conditions))
    .orderBy(asc(enterprises.id));
  const rows: SurveyRow[] = [];
  for (let offset = 0; offset < companies.length; offset += 1000) {
    const batch = companies.slice(offset, offset + 1000);
    const figureRows = await db
      .select()
      .from(enterpriseYearFigures)
      .where(
        inArray(
          enterpriseYearFigures.enterpriseId,
          batch.map((company) => company.id),
        ),
      )
      .orderBy(asc(enterpriseYearFigures.year));
    const byEnterprise = new Map<number, EnterpriseYearFigures[]>();
    for (const row of figureRows) {
      const list = byEnterprise.get(row.enterpriseId) ?? [];
      list.push(toStoredFigures(row));
      byEnterprise.set(row.enterpriseId, list);
    }
    for (const company of batch) {
      const classification = classify(byEnterprise.get(company.id) ?? [], company.foundedOn, asOf);
      if (!classification) continue;
      rows.push({
        enterpriseId: company.id,
        creditCode: company.creditCode,
        name: company.name,
        street: company.street,
        industry: company.industry,
        techSmeLevel: classification.techSme.level,
        highTechLevel: classification.highTech.level,
        techSmeMissing: classification.techSme.missing.map(
          (condition) => condition.gap?.text ?? condition.label,
        ),
        highTechMissing: classification.highTech.missing.map(
          (condition) => condition.gap?.text ?? condition.label,
        ),
        measures: [...classification.highTech.measures, ...classification.techSme.measures],
      });
    }
  }
  return rows;
}
