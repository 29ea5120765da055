import { statCategoryOf, type TechContractCategory } from '@kechuang/domain';
import { RETURN_COMMENTS } from './demo-names';
import {
  baseContract,
  drawSeller,
  type PlannedContract,
  type PlanOptions,
  shiftDate,
  workingDaysBefore,
} from './demo-plan';

const UNIT = 10_000;

/** The 2020 refusal and cancellation, and the filings around today whose time limit is running. */
export function planOutsideTheFigures(options: PlanOptions, nextKey: () => number): PlannedContract[] {
  const { random, sellers, calendar, today } = options;
  const result: PlannedContract[] = [];
  const add = (category: TechContractCategory, units: number, fill: (contract: PlannedContract) => void) => {
    const contract: PlannedContract = {
      ...baseContract(options, nextKey(), category, drawSeller(random, sellers)),
      contractFen: units * UNIT,
      signedOn: '',
      termEndOn: '',
      status: 'draft',
      acceptedOn: null,
      registeredOn: null,
      steps: [],
    };
    fill(contract);
    contract.termEndOn = shiftDate(contract.signedOn, 365);
    result.push(contract);
  };
  add('SERVICE', 1_860, (contract) => {
    const refusedOn = '2020-07-14';
    contract.status = 'refused';
    contract.refusalReason = '合同标的为设备购销及安装，不属于技术合同，不予登记';
    contract.acceptedOn = workingDaysBefore(refusedOn, 6, calendar);
    contract.signedOn = shiftDate(contract.acceptedOn, -20);
    contract.steps = [
      { action: 'submit', toStatus: 'submitted', on: contract.acceptedOn, by: 'seller' },
      { action: 'refuse', toStatus: 'refused', on: refusedOn, by: 'staff', comment: contract.refusalReason },
    ];
  });
  add('DEV_COMMISSIONED', 52_000, (contract) => {
    contract.status = 'cancelled';
    contract.registeredOn = '2020-05-19';
    contract.acceptedOn = workingDaysBefore(contract.registeredOn, 5, calendar);
    contract.signedOn = shiftDate(contract.acceptedOn, -15);
    contract.steps = [
      { action: 'submit', toStatus: 'submitted', on: contract.acceptedOn, by: 'seller' },
      { action: 'register', toStatus: 'registered', on: contract.registeredOn, by: 'staff' },
      {
        action: 'cancel',
        toStatus: 'cancelled',
        on: '2020-10-20',
        by: 'staff',
        comment: '双方协议解除合同，卖方申请注销登记',
      },
    ];
  });
  // Filed around today: waiting for the 登记员 (one close to its limit, one large), one back for 补正.
  const pending: [TechContractCategory, number, string, number][] = [
    ['DEV_COMMISSIONED', 68_000, 'submitted', 2],
    ['TRANSFER_PATENT', 9_500, 'submitted', 6],
    ['DEV_COOPERATIVE', 23_000, 'submitted', 13],
    ['SERVICE', 4_200, 'resubmitted', 3],
    ['CONSULTING', 1_500, 'returned', 9],
    ['LICENSE_PATENT', 3_000, 'draft', 0],
  ];
  for (const [category, units, status, daysAgo] of pending) {
    add(category, units, (contract) => {
      contract.status = status;
      contract.exemptionClaimed =
        statCategoryOf(category) !== 'consulting' && statCategoryOf(category) !== 'service';
      const acceptedOn = workingDaysBefore(today, daysAgo, calendar);
      contract.signedOn = shiftDate(acceptedOn, -random.integer(20, 40));
      contract.acceptedOn = status === 'draft' ? null : acceptedOn;
      if (status === 'draft') contract.steps = [];
      else if (status === 'submitted')
        contract.steps = [{ action: 'submit', toStatus: 'submitted', on: acceptedOn, by: 'seller' }];
      else {
        const returnedOn = status === 'returned' ? acceptedOn : workingDaysBefore(acceptedOn, 2, calendar);
        const submittedOn = workingDaysBefore(returnedOn, 4, calendar);
        if (status === 'returned') contract.acceptedOn = submittedOn;
        contract.signedOn = shiftDate(submittedOn, -random.integer(20, 40));
        contract.steps = [
          { action: 'submit', toStatus: 'submitted', on: submittedOn, by: 'seller' },
          {
            action: 'return',
            toStatus: 'returned',
            on: returnedOn,
            by: 'staff',
            comment: random.pick(RETURN_COMMENTS),
          },
        ];
        if (status === 'resubmitted')
          contract.steps.push({ action: 'resubmit', toStatus: 'resubmitted', on: acceptedOn, by: 'seller' });
      }
    });
  }
  return result;
}
